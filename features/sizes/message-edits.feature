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

    @op:GetChannelMessage
    Scenario Outline: Editing to content of <content> is accepted and kept whole
      When Bob edits "draft" to content of <content>
      Then the request succeeds
      And the content reads back byte for byte

      Examples:
        | content                |
        | 4096 "a" (4096 bytes)  |

    # The service model limits edited content to 4096 characters; the kit holds edits to the same
    # 4096 bytes as new messages.
    @assumption
    Examples: Multi-byte characters
      | content                |
      | 2048 "é" (4096 bytes)  |

    Scenario Outline: Editing to content of <content> is rejected
      When Bob edits "draft" to content of <content>
      Then the request fails with BadRequestException

      Examples:
        | content                |
        | 4097 "a" (4097 bytes)  |

    @assumption
    Examples: Multi-byte characters
      | content                |
      | 1366 "€" (4098 bytes)  |

  @rule:SIZE-007 @op:UpdateChannelMessage
  Rule: Edited metadata is limited to 1024 bytes

    @op:GetChannelMessage
    Example: Editing to metadata of 1024 "a" (1024 bytes) is accepted and kept whole
      When Bob edits the metadata of "draft" to 1024 "a" (1024 bytes)
      Then the request succeeds
      And the metadata reads back byte for byte

    Example: Editing to metadata of 1025 "a" (1025 bytes) is rejected
      When Bob edits the metadata of "draft" to 1025 "a" (1025 bytes)
      Then the request fails with BadRequestException

  @rule:SIZE-007 @op:UpdateChannelMessage
  Rule: An edited CONTROL message is limited to 30 bytes

    Background:
      Given Bob has posted the CONTROL message "typing" in "lobby"

    @op:GetChannelMessage
    Example: Editing a CONTROL message to 30 "a" (30 bytes) is accepted and kept whole
      When Bob edits "typing" to content of 30 "a" (30 bytes)
      Then the request succeeds
      And the content reads back byte for byte

    Scenario Outline: Editing a CONTROL message to <content> is rejected
      When Bob edits "typing" to content of <content>
      Then the request fails with BadRequestException

      Examples:
        | content            |
        | 31 "a" (31 bytes)  |
        | 16 "é" (32 bytes)  |
