@area:IDEM
Feature: Creating a channel flow idempotently
  A request to create a channel flow must carry a client request token: the documentation does not say
  it is filled in, as it says for channels and messages (newer SDKs fill it in anyway). Repeating the
  request with the same token returns the channel flow already created.

  @rule:IDEM-005 @op:CreateChannelFlow
  Rule: The same request with the same token creates one channel flow; the token is required

    Example: A repeated request returns the channel flow already created
      Given the channel flow "tidy" has been created with the client request token "tidy-1"
      When the channel flow "tidy" is created again with the client request token "tidy-1"
      Then the same channel flow comes back

    # The AWS SDK for Java fills in this token like the others (its model marks it an idempotency token),
    # so only a raw request can leave it out.
    @requires:wire
    Example: A raw request without a token is rejected
      When the developer sends the raw request "POST /channel-flows" with the body:
        """
        {"AppInstanceArn": "{{app-instance}}", "Name": "tidy",
         "Processors": [{"Name": "pass-through", "ExecutionOrder": 1, "FallbackAction": "ABORT",
           "Configuration": {"Lambda": {"ResourceArn": "{{processor:pass-through}}", "InvocationType": "ASYNC"}}}]}
        """
      Then the raw response status is 400
      And the raw response names the error type "BadRequestException"

  # The documentation does not say what reusing a token for a different request does; the kit expects
  # the AWS convention, a conflict.
  @rule:IDEM-006 @assumption @op:CreateChannelFlow
  Rule: A token cannot be reused for a different channel flow

    Example: The same token with another name is refused
      Given the channel flow "tidy" has been created with the client request token "tidy-1"
      When the channel flow "sweep" is created with the client request token "tidy-1"
      Then the request fails with ConflictException
