@area:SIZE @model
Feature: Form of client request tokens
  A client request token is 2 to 64 letters, digits, hyphens or underscores. The service model says
  so; the documentation does not.

  @rule:SIZE-012 @op:SendChannelMessage
  Rule: A message's token holds 2 to 64 letters, digits, hyphens or underscores

    Background:
      Given Alice has created the public channel "lobby"
      And Bob is a member of "lobby"

    Scenario Outline: Posting with the token <token> <verdict>
      When Bob posts "Hello" in "lobby" with the client request token <token>
      Then the request <outcome>

      Examples:
        | token                      | verdict     | outcome                        |
        | "a"                        | is rejected | fails with BadRequestException |
        | "a b"                      | is rejected | fails with BadRequestException |
        | "a.b"                      | is rejected | fails with BadRequestException |
        | "ab"                       | is accepted | succeeds                       |
        | "Az09-_"                   | is accepted | succeeds                       |
        | a token of 64 characters   | is accepted | succeeds                       |
        | a token of 65 characters   | is rejected | fails with BadRequestException |

  @rule:SIZE-012 @op:CreateChannel
  Rule: A channel's token holds 2 to 64 letters, digits, hyphens or underscores

    Scenario Outline: Creating a channel with the token <token> <verdict>
      When Alice creates the public channel "lobby" with the client request token <token>
      Then the request <outcome>

      Examples:
        | token                      | verdict     | outcome                        |
        | "a"                        | is rejected | fails with BadRequestException |
        | "a b"                      | is rejected | fails with BadRequestException |
        | "ab"                       | is accepted | succeeds                       |
        | a token of 64 characters   | is accepted | succeeds                       |
        | a token of 65 characters   | is rejected | fails with BadRequestException |

  @rule:SIZE-012 @op:CreateChannelFlow
  Rule: A channel flow's token holds 2 to 64 letters, digits, hyphens or underscores

    Scenario Outline: Creating a channel flow with the token <token> <verdict>
      When the channel flow "tidy" is created with the client request token <token>
      Then the request <outcome>

      Examples:
        | token                      | verdict     | outcome                        |
        | "a"                        | is rejected | fails with BadRequestException |
        | "a b"                      | is rejected | fails with BadRequestException |
        | "ab"                       | is accepted | succeeds                       |
        | a token of 64 characters   | is accepted | succeeds                       |
        | a token of 65 characters   | is rejected | fails with BadRequestException |
