@area:SIZE @model
Feature: Length of names
  The names of channels, channel flows and processors hold 1 to 256 characters. The documentation gives
  no limit; the service model does, counting characters, not bytes. A name that is accepted is kept
  whole.

  @rule:SIZE-008 @op:CreateChannel
  Rule: A channel's name holds 1 to 256 characters

    @op:DescribeChannel
    Scenario Outline: Creating a channel with a name of <name> is accepted and kept whole
      When Alice creates a channel with a name of <name>
      Then the request succeeds
      And the name reads back byte for byte

      Examples:
        | name      |
        | 1 "a"     |
        | 256 "a"   |
        | 256 "é"   |

    Scenario Outline: Creating a channel with a name of <name> is rejected
      When Alice creates a channel with a name of <name>
      Then the request fails with BadRequestException

      Examples:
        | name      |
        | 0 "a"     |
        | 257 "a"   |
        | 257 "é"   |

  @rule:SIZE-008 @op:UpdateChannel
  Rule: A channel keeps to the same limit when it is renamed

    Background:
      Given Alice has created the public channel "lobby"

    @op:DescribeChannel
    Example: Renaming a channel to a name of 256 "a" is accepted and kept whole
      When Alice renames "lobby" to a name of 256 "a"
      Then the request succeeds
      And the name reads back byte for byte

    Scenario Outline: Renaming a channel to <name> is rejected
      When Alice renames "lobby" to a name of <name>
      Then the request fails with BadRequestException

      Examples:
        | name      |
        | 0 "a"     |
        | 257 "a"   |

  @rule:SIZE-008 @op:CreateChannelFlow
  Rule: A channel flow's name and its processors' names hold 1 to 256 characters

    @op:DescribeChannelFlow
    Scenario Outline: Creating a channel flow with a name of <name> is accepted and kept whole
      When a channel flow is created with a name of <name>
      Then the request succeeds
      And the name reads back byte for byte

      Examples:
        | name      |
        | 256 "a"   |
        | 256 "é"   |

    Scenario Outline: Creating a channel flow with a name of <name> is rejected
      When a channel flow is created with a name of <name>
      Then the request fails with BadRequestException

      Examples:
        | name      |
        | 0 "a"     |
        | 257 "a"   |

    @op:DescribeChannelFlow
    Example: Creating a channel flow whose processor has a name of 256 "a" is accepted and kept whole
      When a channel flow is created whose processor has a name of 256 "a"
      Then the request succeeds
      And the name reads back byte for byte

    Scenario Outline: Creating a channel flow whose processor has a name of <name> is rejected
      When a channel flow is created whose processor has a name of <name>
      Then the request fails with BadRequestException

      Examples:
        | name      |
        | 0 "a"     |
        | 257 "a"   |

  @rule:SIZE-008 @op:UpdateChannelFlow
  Rule: A channel flow keeps to the same limit when it is updated

    Background:
      Given the channel flow "tidy" runs the pass-through processor

    @op:DescribeChannelFlow
    Example: Renaming a channel flow to a name of 256 "a" is accepted and kept whole
      When the channel flow "tidy" is renamed to a name of 256 "a"
      Then the request succeeds
      And the name reads back byte for byte

    Scenario Outline: Renaming a channel flow to <name> is rejected
      When the channel flow "tidy" is renamed to a name of <name>
      Then the request fails with BadRequestException

      Examples:
        | name      |
        | 0 "a"     |
        | 257 "a"   |
