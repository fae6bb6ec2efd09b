@area:IDEM @requires:flow-processors
Feature: Creating a channel flow idempotently
  A request to create a channel flow must carry a client request token: unlike channels and messages,
  no SDK fills it in. Repeating the request with the same token returns the channel flow already
  created.

  @rule:IDEM-005 @op:CreateChannelFlow
  Rule: The same request with the same token creates one channel flow; the token is required

    Example: A repeated request returns the channel flow already created
      Given the channel flow "tidy" has been created with the client request token "tidy-1"
      When the channel flow "tidy" is created again with the client request token "tidy-1"
      Then the same channel flow comes back

    Example: A request without a token is rejected
      When the channel flow "tidy" is created without a client request token
      Then the request fails with BadRequestException

  # The documentation does not say what reusing a token for a different request does; the kit expects
  # the AWS convention, a conflict.
  @rule:IDEM-006 @assumption @op:CreateChannelFlow
  Rule: A token cannot be reused for a different channel flow

    Example: The same token with another name is refused
      Given the channel flow "tidy" has been created with the client request token "tidy-1"
      When the channel flow "sweep" is created with the client request token "tidy-1"
      Then the request fails with ConflictException
