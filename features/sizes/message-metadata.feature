@area:SIZE
Feature: Size of message metadata
  A STANDARD message can carry 1KB of metadata, that is 1024 UTF-8 bytes. A CONTROL message carries
  no metadata at all.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"

  @rule:SIZE-002 @op:SendChannelMessage
  Rule: STANDARD metadata is limited to 1024 bytes

    @op:GetChannelMessage
    Scenario Outline: Metadata of <metadata> is accepted and kept whole
      When Bob posts "Hello" in "lobby" with metadata of <metadata>
      Then the request succeeds
      And the metadata reads back byte for byte

      Examples:
        | metadata               |
        | 1024 "a" (1024 bytes)  |

    # The service model counts 1024 characters; the documentation says "1KB", which the kit reads as
    # 1024 UTF-8 bytes.
    @assumption
    Examples: Multi-byte characters
      | metadata               |
      | 512 "é" (1024 bytes)   |
      | 341 "€" (1023 bytes)   |
      | 256 "😀" (1024 bytes)  |

    Scenario Outline: Metadata of <metadata> is rejected
      When Bob posts "Hello" in "lobby" with metadata of <metadata>
      Then the request fails with BadRequestException

      Examples:
        | metadata               |
        | 1025 "a" (1025 bytes)  |

    # The rejected rows hold fewer than 1024 characters.
    @assumption
    Examples: Multi-byte characters
      | metadata               |
      | 513 "é" (1026 bytes)   |
      | 342 "€" (1026 bytes)   |
      | 257 "😀" (1028 bytes)  |

  @rule:SIZE-004 @op:SendChannelMessage
  Rule: A CONTROL message carries no metadata

    Example: A CONTROL message with metadata is rejected
      When Bob posts the CONTROL message "typing" in "lobby" with the metadata:
        """
        {"x":1}
        """
      Then the request fails with BadRequestException

    @op:GetChannelMessage
    Example: A CONTROL message without metadata is accepted
      When Bob posts the CONTROL message "typing" in "lobby"
      Then the request succeeds
      And Bob gets the message "typing" from "lobby" with the content "typing"
