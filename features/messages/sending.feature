@area:MSG
Feature: Sending messages
  A member sends messages to a channel. Each message is STANDARD or CONTROL, PERSISTENT or
  NON_PERSISTENT, and may carry metadata. The service gives every message an ID of its own and records
  who sent it. Persistent messages are kept, so they can be read and listed later; non-persistent ones
  are not.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"

  @rule:MSG-001 @op:SendChannelMessage
  Rule: A member can send messages to the channel

    Example: A member posts a message
      When Bob posts "Good morning" in "lobby"
      Then the message is accepted in "lobby" with an ID and a status

  @rule:MSG-002 @op:SendChannelMessage
  Rule: The service gives each message an ID of its own

    Example: Two messages get two different IDs
      Given Bob has posted "Good morning" in "lobby"
      When Bob posts "Good morning again" in "lobby"
      Then the new message's ID differs from that of "Good morning"
      And the new message's ID is 1 to 128 letters, digits, hyphens or underscores

  @rule:MSG-003
  Rule: A message is STANDARD or CONTROL, and reads back as such

    @op:GetChannelMessage
    Scenario Outline: A <type> message reads back as <type>
      Given Bob has posted the <type> message "ping" in "lobby"
      When Bob gets the message "ping" from "lobby"
      Then the message's type is <type>

      Examples:
        | type     |
        | STANDARD |
        | CONTROL  |

    @op:SendChannelMessage
    Example: A message without a type is rejected
      When Bob posts "Good morning" in "lobby" without a type
      Then the request fails with BadRequestException

    @op:SendChannelMessage
    Example: A type outside STANDARD and CONTROL is rejected
      When Bob posts "Good morning" in "lobby" with the type "URGENT"
      Then the request fails with BadRequestException

  @rule:MSG-004 @op:SendChannelMessage
  Rule: Persistence must be given, as PERSISTENT or NON_PERSISTENT
    # The documentation calls Persistence a "Boolean" and "Required"; its request syntax and the service
    # model make it an enumeration of PERSISTENT and NON_PERSISTENT, and so does the kit.

    Scenario Outline: A <persistence> message is accepted
      When Bob posts "Good morning" in "lobby" with the persistence "<persistence>"
      Then the request succeeds

      Examples:
        | persistence    |
        | PERSISTENT     |
        | NON_PERSISTENT |

    Example: A message that does not say whether to persist it is rejected
      When Bob posts "Good morning" in "lobby" without saying whether to persist it
      Then the request fails with BadRequestException

    Scenario Outline: A boolean persistence "<value>" is rejected
      When Bob posts "Good morning" in "lobby" with the persistence "<value>"
      Then the request fails with BadRequestException

      Examples:
        | value |
        | true  |
        | false |

  @rule:MSG-005
  Rule: Only persistent messages are kept for reading later

    @op:SendChannelMessage
    Example: A non-persistent message is still accepted with an ID
      When Bob posts the NON_PERSISTENT message "brb" in "lobby"
      Then the message is accepted in "lobby" with an ID and a status

    @op:ListChannelMessages
    Example: A non-persistent message is not listed
      Given Bob has posted the NON_PERSISTENT message "brb" in "lobby"
      And Bob has posted "back!" in "lobby"
      When Alice lists the messages in "lobby"
      Then she sees only "back!"

    @op:GetChannelMessage
    Example: A non-persistent message cannot be read back
      Given Bob has posted the NON_PERSISTENT message "brb" in "lobby"
      When Alice gets the message "brb" from "lobby"
      Then the request fails with NotFoundException

    @op:GetChannelMessage
    Example: A persistent message can be read back
      Given Bob has posted the PERSISTENT message "back!" in "lobby"
      When Alice gets the message "back!" from "lobby"
      Then she reads "back!"

  @rule:MSG-006 @op:GetChannelMessage
  Rule: Reading a message returns all its details

    Example: A message read in full
      Given Bob has posted "Lunch at noon?" in "lobby" with the metadata:
        """
        {"poll":["yes","no"]}
        """
      When Alice gets the message "Lunch at noon?" from "lobby"
      Then she gets the message in full: its channel, ID, content, metadata, type, creation time, sender, persistence and status
      And the message is not redacted and has no edit time

  @rule:MSG-007 @rule:MEMB-017
  Rule: A message names its sender, by ARN and by name

    @op:GetChannelMessage
    Example: Reading a message names its sender
      Given Bob has posted "Hi all" in "lobby"
      When Alice gets the message "Hi all" from "lobby"
      Then the message's sender is Bob

    @op:ListChannelMessages
    Example: Listing messages names the sender of each
      Given Bob has posted "Hi all" in "lobby"
      And Alice has posted "Welcome, Bob" in "lobby"
      When Bob lists the messages in "lobby"
      Then each message he sees names its sender:
        | Hi all       | Bob   |
        | Welcome, Bob | Alice |

  @rule:MSG-008 @op:GetChannelMessage
  Rule: Metadata is optional, and comes back exactly as it was sent

    Example: A message sent without metadata has none
      Given Bob has posted "Plain words" in "lobby"
      When Bob gets the message "Plain words" from "lobby"
      Then the message has no metadata

    Example: Metadata comes back byte for byte
      Given Bob has posted "Where shall we eat?" in "lobby" with the metadata:
        """
        {"options":["café","naïve ramen","餃子"],"emoji":"🍜"}
        """
      When Bob gets the message "Where shall we eat?" from "lobby"
      Then the message's metadata is exactly:
        """
        {"options":["café","naïve ramen","餃子"],"emoji":"🍜"}
        """
