@area:SIZE
Feature: Size of message content
  A STANDARD message can carry 4KB of content and a CONTROL message 30 bytes; a message cannot be
  empty. Sizes are counted in UTF-8 bytes: "4KB" is 4096 bytes. Each example says the number of
  characters and the number of bytes they make.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"

  @rule:SIZE-001 @op:SendChannelMessage
  Rule: STANDARD content is limited to 4096 bytes

    @op:GetChannelMessage
    Scenario Outline: STANDARD content of <content> is accepted and kept whole
      When Bob posts a STANDARD message of <content> in "lobby"
      Then the request succeeds
      And the content reads back byte for byte

      Examples:
        | content                  |
        | 1 "a" (1 bytes)          |
        | 4096 "a" (4096 bytes)    |

    # The limit is given as "4KB" with no word on encodings; the kit reads it as 4096 UTF-8 bytes.
    @assumption
    Examples: Multi-byte characters
      | content                  |
      | 2048 "é" (4096 bytes)    |
      | 1365 "€" (4095 bytes)    |
      | 1024 "😀" (4096 bytes)   |

    Scenario Outline: STANDARD content of <content> is rejected
      When Bob posts a STANDARD message of <content> in "lobby"
      Then the request fails with BadRequestException

      Examples:
        | content                  |
        | 4097 "a" (4097 bytes)    |

    # The rejected rows hold fewer than 4096 characters, and fewer than 4096 UTF-16 code units, so a
    # service that counts either of those instead of bytes fails them.
    @assumption
    Examples: Multi-byte characters
      | content                  |
      | 2049 "é" (4098 bytes)    |
      | 1366 "€" (4098 bytes)    |
      | 1025 "😀" (4100 bytes)   |

  @rule:SIZE-003 @op:SendChannelMessage
  Rule: CONTROL content is limited to 30 bytes

    @op:GetChannelMessage
    Scenario Outline: CONTROL content of <content> is accepted and kept whole
      When Bob posts a CONTROL message of <content> in "lobby"
      Then the request succeeds
      And the content reads back byte for byte

      Examples:
        | content             |
        | 30 "a" (30 bytes)   |
        | 15 "é" (30 bytes)   |
        | 10 "€" (30 bytes)   |

    Scenario Outline: CONTROL content of <content> is rejected
      When Bob posts a CONTROL message of <content> in "lobby"
      Then the request fails with BadRequestException

      Examples:
        | content             |
        | 31 "a" (31 bytes)   |
        | 16 "é" (32 bytes)   |
        | 11 "€" (33 bytes)   |

  @rule:SIZE-005 @model @op:SendChannelMessage
  Rule: A message cannot be empty

    Example: Empty content is rejected
      When Bob posts "" in "lobby"
      Then the request fails with BadRequestException
