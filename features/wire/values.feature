@area:HTTP @requires:wire
Feature: ARNs, timestamps and summaries on the wire
  ARNs contain ":" and "/", so they travel percent-encoded in a path and must be decoded by the service.
  Timestamps travel as ISO-8601 text in a query string, and as epoch seconds, JSON numbers, in a body.
  In a request, {{channel:support}}, {{user:Bob}} and {{flow:profanity-filter}} stand for the ARN of what
  the scenario created under that name, percent-encoded in the path and the query string, as is
  elsewhere. "When Bob sends" puts Bob's ARN in the x-amz-chime-bearer header; "the developer" sends no
  bearer.

  Background:
    Given Alice has created the public channel "support"
    And Bob is a member of "support"

  @rule:HTTP-006 @model
  Rule: ARNs in the path are percent-encoded, and decoded by the service

    @op:DescribeChannel
    Example: A channel is found by its encoded ARN
      When Bob sends the raw request "GET /channels/{{channel:support}}"
      Then the raw response status is 200
      And the raw response body has "Channel.ChannelArn" equal to "{{channel:support}}"

    @op:DescribeChannelMembership
    Example: Two encoded ARNs in one path
      When Bob sends the raw request "GET /channels/{{channel:support}}/memberships/{{user:Bob}}"
      Then the raw response status is 200
      And the raw response body has "ChannelMembership.Member.Arn" equal to "{{user:Bob}}"

  @rule:HTTP-007 @model
  Rule: Timestamps are ISO-8601 in a query string and epoch seconds in a body

    Background:
      Given Alice has posted "Hello" in "support"

    @op:ListChannelMessages
    Example: A "not before" time in ISO-8601
      When Bob sends the raw request "GET /channels/{{channel:support}}/messages?not-before=2000-01-01T00:00:00Z"
      Then the raw response status is 200
      And the raw response body lists 1 item under "ChannelMessages"

    @op:ListChannelMessages
    Example: A "not after" time in ISO-8601
      When Bob sends the raw request "GET /channels/{{channel:support}}/messages?not-after=2000-01-01T00:00:00Z"
      Then the raw response status is 200
      And the raw response body lists 0 items under "ChannelMessages"

    @op:DescribeChannel
    Example: A timestamp in a response body is a number of seconds
      When Bob sends the raw request "GET /channels/{{channel:support}}"
      Then the raw response body has "Channel.CreatedTimestamp" as a JSON number

    @op:ListChannelMessages
    Example: A message's creation time is a number of seconds
      When Bob sends the raw request "GET /channels/{{channel:support}}/messages"
      Then the raw response body has "ChannelMessages.0.CreatedTimestamp" as a JSON number

  @rule:FLOW-016 @op:ListChannelsAssociatedWithChannelFlow @requires:processor:pass-through @requires:processor:pass-through
  Rule: The summary of a channel associated with a flow has no last message time

    Example: No last message time, even after a message
      Given the channel flow "profanity-filter" runs the pass-through processor
      And "support" is associated with the channel flow "profanity-filter"
      And Alice has posted "Hello" in "support", which has been processed
      When the developer sends the raw request "GET /channels?scope=channel-flow-associations&channel-flow-arn={{flow:profanity-filter}}"
      Then the raw response body has no member "Channels.0.LastMessageTimestamp"
