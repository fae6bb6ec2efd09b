@area:SIZE @model
Feature: Form of ARNs
  Every ARN a request carries, in its path, its query, its body or its bearer header, is 5 to 1600
  characters long and has the form arn:partition:service:region:account:resource. The service model
  says so; the documentation does not.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"

  @rule:SIZE-011
  Rule: A malformed ARN is rejected wherever it appears

    @op:SendChannelMessage
    Scenario Outline: A channel ARN <arn> is rejected
      When Bob posts "Hello" in the channel whose ARN is <arn>
      Then the request fails with BadRequestException

      Examples:
        | arn                          |
        | "abc"                        |
        | "arn:aws:chime"              |
        | an ARN of 1601 characters    |

    @op:CreateChannelMembership
    Scenario Outline: A member ARN <arn> is rejected
      When Ada adds the user whose ARN is <arn> to "lobby"
      Then the request fails with BadRequestException

      Examples:
        | arn                          |
        | "abc"                        |
        | "arn:aws:chime"              |
        | an ARN of 1601 characters    |

    @op:BatchCreateChannelMembership
    Scenario Outline: A member ARN <arn> in a batch is rejected
      When Ada adds the users whose ARNs are <arn> and Bob's to "lobby" in one batch
      Then the request fails with BadRequestException

      Examples:
        | arn                          |
        | "abc"                        |
        | "arn:aws:chime"              |
        | an ARN of 1601 characters    |

    @op:ListChannels
    Scenario Outline: An AppInstance ARN <arn> is rejected
      When Bob lists the public channels of the AppInstance whose ARN is <arn>
      Then the request fails with BadRequestException

      Examples:
        | arn                          |
        | "abc"                        |
        | an ARN of 1601 characters    |

    @op:ListChannelMessages
    Scenario Outline: A bearer <arn> is rejected
      When the messages in "lobby" are listed with the bearer <arn>
      Then the request fails with BadRequestException

      Examples:
        | arn                          |
        | "abc"                        |
        | "arn:aws:chime"              |
        | an ARN of 1601 characters    |
