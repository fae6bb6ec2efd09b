@area:IDEM
Feature: Creating a channel idempotently
  A request to create a channel carries a client request token. Repeating the request with the same
  token creates nothing new: the channel the first request created comes back. An SDK fills in a fresh
  token when the caller gives none, so two requests without a token create two channels.

  @rule:IDEM-001 @op:CreateChannel @op:ListChannels
  Rule: The same request with the same token creates one channel

    Example: A repeated request returns the channel already created
      Given Alice has created the public channel "lobby" with the client request token "lobby-1"
      When Alice creates the public channel "lobby" again with the client request token "lobby-1"
      Then she gets back the same channel as before
      And the AppInstance lists 1 public channel named "lobby"

    # The creator becomes a member and a moderator with the channel (CHAN-026), once.
    @rule:CHAN-026 @op:ListChannelMemberships @op:ListChannelModerators
    Example: A repeated request makes its creator a member and a moderator once
      Given Alice has created the public channel "lobby" with the client request token "lobby-1"
      When Alice creates the public channel "lobby" again with the client request token "lobby-1"
      Then the members of "lobby" are exactly Alice
      And the moderators of "lobby" are exactly Alice

  @rule:IDEM-002 @op:CreateChannel @op:ListChannels
  Rule: Without a token, each request creates a channel of its own

    Example: Two requests without a token create two channels
      Given Alice has created the public channel "lobby" without a client request token
      When Alice creates the public channel "lobby" again without a client request token
      Then she gets back a different channel from before
      And the AppInstance lists 2 public channels named "lobby"

  # The documentation does not say what reusing a token for a different request does; the kit expects
  # the AWS convention, a conflict.
  @rule:IDEM-006 @assumption @op:CreateChannel
  Rule: A token cannot be reused for a different channel

    Example: The same token with another name is refused
      Given Alice has created the public channel "lobby" with the client request token "lobby-1"
      When Alice creates the public channel "hall" with the client request token "lobby-1"
      Then the request fails with ConflictException

    Example: The same token with another privacy is refused
      Given Alice has created the public channel "lobby" with the client request token "lobby-1"
      When Alice creates the private channel "lobby" again with the client request token "lobby-1"
      Then the request fails with ConflictException
