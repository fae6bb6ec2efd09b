@area:SESS @requires:messaging-session
Feature: Messages over the messaging session
  A message sent to a channel reaches every member with an open session as a CREATE_CHANNEL_MESSAGE event,
  the sender's own sessions included; edits, redactions and deletions follow as their own events. Each
  event is a text frame holding Headers and a Payload, the ChannelMessage as a JSON string.

  Background:
    Given Alice has created the public channel "book-club"
    And Bob is a member of "book-club"
    And Bob has a messaging session open

  @rule:SESS-002 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: Members with an open session receive the channel's messages, the sender included

    Example: A member receives a message posted in the channel
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then Bob receives "Chapter 3 tonight?" from Alice

    Example: The sender's own session receives the message
      Given Alice has a messaging session open
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then Alice receives "Chapter 3 tonight?" from Alice

  @rule:SESS-003 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: A message event carries the ChannelMessage in its payload, as a JSON string

    Example: The payload is the message as the API describes it
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then the event Bob received for "Chapter 3 tonight?" carries the message as the API describes it

    Example: The payload's timestamps are ISO-8601 with milliseconds
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then the timestamps in the event Bob received for "Chapter 3 tonight?" are ISO-8601 with milliseconds

  @rule:SESS-004 @op:GetMessagingSessionEndpoint @op:SendChannelMessage @op:ListChannelMessages
  Rule: A non-persistent message is delivered to connected members but not stored

    Example: A non-persistent message arrives and is not listed
      When Alice posts the NON_PERSISTENT message "Alice is typing" in "book-club"
      Then Bob receives "Alice is typing" from Alice
      And the messages of "book-club" do not include "Alice is typing"

  @rule:SESS-005 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: A CONTROL message arrives as a CONTROL message

    Example: A control message is marked CONTROL
      When Alice posts the CONTROL message "typing" in "book-club"
      Then Bob receives "typing" from Alice as a CONTROL message

  @rule:SESS-008 @op:GetMessagingSessionEndpoint @op:UpdateChannelMessage
  Rule: An edit reaches every member

    Example: A member receives the edited message
      Given Alice has posted "Chapter 3 tonight?" in "book-club"
      When Alice edits "Chapter 3 tonight?" to read "Chapter 4 tonight?"
      Then Bob receives the UPDATE_CHANNEL_MESSAGE event for "Chapter 3 tonight?" reading "Chapter 4 tonight?"

  # The guide lists REDACT_CHANNEL_MESSAGE and DELETE_CHANNEL_MESSAGE among the events without naming their
  # recipients; the kit reads them as the other message events: every member.
  @rule:SESS-009 @assumption @op:GetMessagingSessionEndpoint @op:RedactChannelMessage
  Rule: Redactions and deletions reach every member

    Example: A member receives the redaction of a message
      Given Alice has posted "Chapter 3 tonight?" in "book-club"
      When Alice redacts the message "Chapter 3 tonight?" in "book-club"
      Then Bob receives the REDACT_CHANNEL_MESSAGE event for "Chapter 3 tonight?"

    @op:DeleteChannelMessage
    Example: A member receives the deletion of a message
      Given Alice has posted "Chapter 3 tonight?" in "book-club"
      When Ada deletes the message "Chapter 3 tonight?" from "book-club"
      Then Bob receives the DELETE_CHANNEL_MESSAGE event for "Chapter 3 tonight?"

  # No source states an order for events; clients append messages as they arrive, so the kit requires the
  # order in which the operations took effect.
  @rule:SESS-023 @assumption @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: A channel's events arrive in the order the operations took effect

    Example: Two messages arrive in the order they were posted
      Given Alice has posted "first" in "book-club"
      When Alice posts "second" in "book-club"
      Then Bob receives "first" before "second"

    @op:UpdateChannelMessage @op:RedactChannelMessage @op:DeleteChannelMessage
    Example: A message's events arrive in the order of its changes
      Given Alice has posted "v1" in "book-club"
      And Alice has edited "v1" to read "v2"
      And Alice has redacted the message "v1" in "book-club"
      When Ada deletes the message "v1" from "book-club"
      Then Bob receives the events CREATE_CHANNEL_MESSAGE, UPDATE_CHANNEL_MESSAGE, REDACT_CHANNEL_MESSAGE and DELETE_CHANNEL_MESSAGE for "v1", in that order

  @rule:SESS-018 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: A user outside the channel receives nothing of it

    Example: A non-member with a session open receives nothing
      Given Carol has a messaging session open
      When Alice posts "Members only" in "book-club"
      Then Bob receives "Members only" from Alice
      And Carol receives nothing about "book-club"
