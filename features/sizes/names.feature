@area:SIZE @model
Feature: Length of names
  The names of channels, channel flows and processors hold 1 to 256 characters. The documentation gives
  no limit; the service model does, counting characters, not bytes.

  @rule:SIZE-008 @op:CreateChannel
  Rule: A channel's name holds 1 to 256 characters

    Scenario Outline: Creating a channel with a name of <name> <verdict>
      When Alice creates a channel with a name of <name>
      Then the request <outcome>

      Examples:
        | name      | verdict     | outcome                        |
        | 0 "a"     | is rejected | fails with BadRequestException |
        | 1 "a"     | is accepted | succeeds                       |
        | 256 "a"   | is accepted | succeeds                       |
        | 257 "a"   | is rejected | fails with BadRequestException |
        | 256 "é"   | is accepted | succeeds                       |
        | 257 "é"   | is rejected | fails with BadRequestException |

  @rule:SIZE-008 @op:UpdateChannel
  Rule: A channel keeps to the same limit when it is renamed

    Background:
      Given Alice has created the public channel "lobby"

    Scenario Outline: Renaming a channel to <name> <verdict>
      When Alice renames "lobby" to a name of <name>
      Then the request <outcome>

      Examples:
        | name      | verdict     | outcome                        |
        | 0 "a"     | is rejected | fails with BadRequestException |
        | 256 "a"   | is accepted | succeeds                       |
        | 257 "a"   | is rejected | fails with BadRequestException |

  @rule:SIZE-008 @op:CreateChannelFlow
  Rule: A channel flow's name and its processors' names hold 1 to 256 characters

    Scenario Outline: Creating a channel flow with a name of <name> <verdict>
      When a channel flow is created with a name of <name>
      Then the request <outcome>

      Examples:
        | name      | verdict     | outcome                        |
        | 0 "a"     | is rejected | fails with BadRequestException |
        | 256 "a"   | is accepted | succeeds                       |
        | 257 "a"   | is rejected | fails with BadRequestException |
        | 256 "é"   | is accepted | succeeds                       |

    Scenario Outline: Creating a channel flow whose processor has a name of <name> <verdict>
      When a channel flow is created whose processor has a name of <name>
      Then the request <outcome>

      Examples:
        | name      | verdict     | outcome                        |
        | 0 "a"     | is rejected | fails with BadRequestException |
        | 256 "a"   | is accepted | succeeds                       |
        | 257 "a"   | is rejected | fails with BadRequestException |

  @rule:SIZE-008 @op:UpdateChannelFlow
  Rule: A channel flow keeps to the same limit when it is updated

    Background:
      Given the channel flow "tidy" runs the pass-through processor

    Scenario Outline: Renaming a channel flow to <name> <verdict>
      When the channel flow "tidy" is renamed to a name of <name>
      Then the request <outcome>

      Examples:
        | name      | verdict     | outcome                        |
        | 0 "a"     | is rejected | fails with BadRequestException |
        | 256 "a"   | is accepted | succeeds                       |
        | 257 "a"   | is rejected | fails with BadRequestException |
