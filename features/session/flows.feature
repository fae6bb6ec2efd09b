@area:SESS @requires:messaging-session
Feature: Channel flow results over the messaging session
  In a channel with a channel flow, a message is processed before it is sent. While it is processed only
  its sender is told (PENDING_CREATE_CHANNEL_MESSAGE); once a processor lets it through every member
  receives it; a denied or failed message is reported to its sender only (Developer Guide, "Sending
  messages").

  Background:
    Given Alice has created the public channel "book-club"
    And Bob is a member of "book-club"
    And Alice has a messaging session open
    And Bob has a messaging session open

  @rule:SESS-006 @op:GetMessagingSessionEndpoint @op:SendChannelMessage @op:AssociateChannelFlow @requires:processor:pass-through
  Rule: Only the sender hears that a message is pending; everyone receives it once processed

    Example: The sender is told the message is pending
      Given "book-club" goes through the pass-through processor
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then Alice receives the PENDING_CREATE_CHANNEL_MESSAGE event for "Chapter 3 tonight?"

    Example: The other members are not told of the pending message
      Given "book-club" goes through the pass-through processor
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then Bob receives "Chapter 3 tonight?" from Alice
      And Bob receives no PENDING_CREATE_CHANNEL_MESSAGE event for "Chapter 3 tonight?"

    Example: Once processed, every member receives the message as sent
      Given "book-club" goes through the pass-through processor
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then Bob receives "Chapter 3 tonight?" with the status SENT

  @rule:SESS-007 @op:GetMessagingSessionEndpoint @op:SendChannelMessage @op:AssociateChannelFlow
  Rule: A denied or failed message is reported to its sender only

    @requires:processor:deny
    Example: The sender is told the message was denied
      Given "book-club" goes through the deny processor
      When Alice posts "Buy cheap watches" in "book-club"
      Then Alice receives the DENIED_CREATE_CHANNEL_MESSAGE event for "Buy cheap watches"

    @requires:processor:deny
    Example: The other members hear nothing of a denied message
      Given "book-club" goes through the deny processor
      When Alice posts "Buy cheap watches" in "book-club"
      Then Alice receives the DENIED_CREATE_CHANNEL_MESSAGE event for "Buy cheap watches"
      And Bob receives no event for "Buy cheap watches"

    @requires:processor:unreachable
    Example: The sender is told the message failed
      Given "book-club" goes through the unreachable processor, falling back to ABORT
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then Alice receives the FAILED_CREATE_CHANNEL_MESSAGE event for "Chapter 3 tonight?"
      And Bob receives no event for "Chapter 3 tonight?"
