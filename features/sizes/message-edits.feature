@area:SIZE
Feature: Size limits on edited messages
  An edit is held to the same limits as a new message: 4096 bytes of content and 1024 bytes of
  metadata for a STANDARD message, 30 bytes of content for a CONTROL message.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"
    And Bob has posted "draft" in "lobby"

  @rule:SIZE-007 @op:UpdateChannelMessage
  Rule: Edited STANDARD content is limited to 4096 bytes

    Scenario Outline: Editing to content of <content> <verdict>
      When Bob edits "draft" to content of <content>
      Then the request <outcome>

      Examples:
        | content                | verdict     | outcome                        |
        | 4096 "a" (4096 bytes)  | is accepted | succeeds                       |
        | 4097 "a" (4097 bytes)  | is rejected | fails with BadRequestException |

    # The service model limits edited content to 4096 characters; the kit holds edits to the same
    # 4096 bytes as new messages.
    @assumption
    Examples: Multi-byte characters
      | content                | verdict     | outcome                        |
      | 2048 "é" (4096 bytes)  | is accepted | succeeds                       |
      | 1366 "€" (4098 bytes)  | is rejected | fails with BadRequestException |

  @rule:SIZE-007 @op:UpdateChannelMessage
  Rule: Edited metadata is limited to 1024 bytes

    Scenario Outline: Editing to metadata of <metadata> <verdict>
      When Bob edits the metadata of "draft" to <metadata>
      Then the request <outcome>

      Examples:
        | metadata               | verdict     | outcome                        |
        | 1024 "a" (1024 bytes)  | is accepted | succeeds                       |
        | 1025 "a" (1025 bytes)  | is rejected | fails with BadRequestException |

  @rule:SIZE-007 @op:UpdateChannelMessage
  Rule: An edited CONTROL message is limited to 30 bytes

    Scenario Outline: Editing a CONTROL message to <content> <verdict>
      Given Bob has posted the CONTROL message "typing" in "lobby"
      When Bob edits "typing" to content of <content>
      Then the request <outcome>

      Examples:
        | content            | verdict     | outcome                        |
        | 30 "a" (30 bytes)  | is accepted | succeeds                       |
        | 31 "a" (31 bytes)  | is rejected | fails with BadRequestException |
        | 16 "é" (32 bytes)  | is rejected | fails with BadRequestException |
