@area:IDEM
Feature: Sending a message idempotently
  A message carries a client request token. Sending it again with the same token sends nothing new: the
  message already sent comes back. An SDK fills in a fresh token when the caller gives none, so two sends
  without a token make two messages.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"

  @rule:IDEM-003 @op:SendChannelMessage @op:ListChannelMessages
  Rule: The same message with the same token is sent once

    Example: A repeated send returns the message already sent
      Given Bob has posted "Hello" in "lobby" with the client request token "hello-1"
      When Bob posts "Hello" in "lobby" again with the client request token "hello-1"
      Then he gets back the ID of the first "Hello"
      And "lobby" holds 1 message reading "Hello"

  @rule:IDEM-004 @op:SendChannelMessage @op:ListChannelMessages
  Rule: Without a token, each send makes a message of its own

    Example: Two sends without a token make two messages
      Given Bob has posted "Hello" in "lobby" without a client request token
      When Bob posts "Hello" in "lobby" again without a client request token
      Then he gets back an ID other than that of the first "Hello"
      And "lobby" holds 2 messages reading "Hello"

  # The documentation does not say what reusing a token for a different message does; the kit expects
  # the AWS convention, a conflict.
  @rule:IDEM-006 @assumption @op:SendChannelMessage
  Rule: A token cannot be reused for a different message

    Example: The same token with other content is refused
      Given Bob has posted "Hello" in "lobby" with the client request token "hello-1"
      When Bob posts "Goodbye" in "lobby" with the client request token "hello-1"
      Then the request fails with ConflictException
