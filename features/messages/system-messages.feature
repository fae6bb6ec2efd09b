@area:MSG
Feature: System messages
  The service sends SYSTEM messages itself, for events such as members joining or leaving a channel.
  A client sends STANDARD or CONTROL messages only: the request's Type admits no other value.

  @rule:MSG-026 @op:SendChannelMessage
  Rule: A client cannot send a SYSTEM message

    Background:
      Given Alice has created the public channel "lobby"
      And Bob is a member of "lobby"

    @op:ListChannelMessages
    Example: A message of type SYSTEM is rejected
      When Bob posts "Bob joined the channel" in "lobby" with the type "SYSTEM"
      Then the request fails with BadRequestException
      And "lobby" holds 0 messages reading "Bob joined the channel"
