@area:SIZE
Feature: Size of a batch of new members
  One request can add several users to a channel at once. The documentation gives no number; the
  service model takes 1 to 100 users per request.

  Background:
    Given Alice has created the public channel "lobby"

  @rule:SIZE-009 @op:BatchCreateChannelMembership
  Rule: A batch adds 1 to 100 users

    Scenario Outline: A batch of <count> users <verdict>
      Given <count> more users have joined the AppInstance
      When Ada adds those <count> users to "lobby" in one batch
      Then the request <outcome>

      Examples:
        | count | verdict     | outcome                        |
        | 1     | is accepted | succeeds                       |
        | 100   | is accepted | succeeds                       |
        | 101   | is rejected | fails with BadRequestException |

    @op:ListChannelMemberships
    Example: All 100 users of a full batch become members
      Given 100 more users have joined the AppInstance
      When Ada adds those 100 users to "lobby" in one batch
      Then the batch added all 100 of them
      And all 100 of them belong to "lobby"

    Example: An empty batch is rejected
      When Ada adds no users to "lobby" in one batch
      Then the request fails with BadRequestException
