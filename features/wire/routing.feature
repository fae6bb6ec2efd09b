@area:HTTP @requires:wire @model @rule:HTTP-005
Feature: Operations that share a path
  Several operations share a method and a path and differ only by a fixed query parameter, such as
  "?operation=batch-create" or "?scope=message-status": the service tells them apart by that parameter.
  Each example sends one of them raw and checks that the answer is that operation's. In a request,
  {{channel:support}}, {{user:Alice}}, {{flow:profanity-filter}} and {{message:Hello}} stand for the ARN
  or ID of what the scenario created under that name, percent-encoded in the path and the query string,
  as is in a body; {{app-instance}} for the scenario's AppInstance, {{callback:Hello}} for the callback ID
  the processor received for that message. "When Alice sends" puts Alice's ARN in the
  x-amz-chime-bearer header; "the developer" sends no bearer.

  Background:
    Given Alice has created the public channel "support"

  Rule: Creating memberships one by one or in a batch

    @op:BatchCreateChannelMembership
    Example: With "operation=batch-create", memberships are created in a batch
      When Ada sends the raw request "POST /channels/{{channel:support}}/memberships?operation=batch-create" with the body:
        """
        {"MemberArns": ["{{user:Bob}}"]}
        """
      Then the raw response status is 200
      And the raw response body has the member "BatchChannelMemberships"

    @op:CreateChannelMembership
    Example: Without it, one membership is created
      When Ada sends the raw request "POST /channels/{{channel:support}}/memberships" with the body:
        """
        {"MemberArn": "{{user:Bob}}", "Type": "DEFAULT"}
        """
      Then the raw response status is 201
      And the raw response body has the member "Member"

  Rule: Reading a channel, or a user's place in it

    @op:DescribeChannelMembershipForAppInstanceUser
    Example: With "scope=app-instance-user-membership", the user's membership is described
      When Alice sends the raw request "GET /channels/{{channel:support}}?scope=app-instance-user-membership&app-instance-user-arn={{user:Alice}}"
      Then the raw response status is 200
      And the raw response body has the member "ChannelMembership.AppInstanceUserMembershipSummary"

    @op:DescribeChannelModeratedByAppInstanceUser
    Example: With "scope=app-instance-user-moderated-channel", the moderated channel is described
      When Alice sends the raw request "GET /channels/{{channel:support}}?scope=app-instance-user-moderated-channel&app-instance-user-arn={{user:Alice}}"
      Then the raw response status is 200
      And the raw response body has the member "Channel.ChannelSummary"

    @op:DescribeChannel
    Example: Without a scope, the channel is described
      When Alice sends the raw request "GET /channels/{{channel:support}}"
      Then the raw response status is 200
      And the raw response body has the member "Channel.CreatedBy"

  Rule: Listing channels, by membership, by moderator, by flow or by AppInstance

    @op:ListChannelMembershipsForAppInstanceUser
    Example: With "scope=app-instance-user-memberships", the user's memberships are listed
      When Alice sends the raw request "GET /channels?scope=app-instance-user-memberships"
      Then the raw response status is 200
      And the raw response body has the member "ChannelMemberships.0.ChannelSummary"

    @op:ListChannelsModeratedByAppInstanceUser
    Example: With "scope=app-instance-user-moderated-channels", the channels the user moderates are listed
      When Alice sends the raw request "GET /channels?scope=app-instance-user-moderated-channels"
      Then the raw response status is 200
      And the raw response body has the member "Channels.0.ChannelSummary"

    @op:ListChannelsAssociatedWithChannelFlow
    Example: With "scope=channel-flow-associations", the channels of a flow are listed
      Given Alice has created the public channel "sales"
      And the channel flow "profanity-filter" runs the pass-through processor
      And "support" is associated with the channel flow "profanity-filter"
      When the developer sends the raw request "GET /channels?scope=channel-flow-associations&channel-flow-arn={{flow:profanity-filter}}"
      Then the raw response body lists 1 item under "Channels"

    @op:ListChannels
    Example: Without a scope, the channels of the AppInstance are listed
      Given Alice has created the public channel "sales"
      When Alice sends the raw request "GET /channels?app-instance-arn={{app-instance}}&privacy=PUBLIC"
      Then the raw response status is 200
      And the raw response body lists 2 items under "Channels"

  Rule: Reading a message, or only its status

    Background:
      Given Alice has posted "Hello" in "support"

    @op:GetChannelMessageStatus
    Example: With "scope=message-status", only the message's status is read
      When Alice sends the raw request "GET /channels/{{channel:support}}/messages/{{message:Hello}}?scope=message-status"
      Then the raw response status is 200
      And the raw response body has "Status.Value" equal to "SENT"

    @op:GetChannelMessage
    Example: Without a scope, the message is read
      When Alice sends the raw request "GET /channels/{{channel:support}}/messages/{{message:Hello}}"
      Then the raw response status is 200
      And the raw response body has "ChannelMessage.Content" equal to "Hello"

    @op:RedactChannelMessage
    Example: With "operation=redact", the message is redacted
      When Alice sends the raw request "POST /channels/{{channel:support}}/messages/{{message:Hello}}?operation=redact"
      Then the raw response status is 200
      And the raw response body has "MessageId" equal to "{{message:Hello}}"

  @requires:processor:hold @requires:processor:hold
  Rule: Calling back from a processor

    @requires:processor-inspection @op:ChannelFlowCallback
    Example: With "operation=channel-flow-callback", the callback is taken
      Given "support" goes through a processor that the scenario plays
      And Alice has posted "Hello" in "support"
      And the processor has received "Hello"
      When the developer sends the raw request "POST /channels/{{channel:support}}?operation=channel-flow-callback" with the body:
        """
        {"CallbackId": "{{callback:Hello}}", "ChannelMessage": {"MessageId": "{{message:Hello}}"}}
        """
      Then the raw response body has "CallbackId" equal to "{{callback:Hello}}"

  Rule: Tagging, untagging and listing tags

    @op:TagResource @op:ListTagsForResource
    Example: With "operation=tag-resource", tags are added
      When the developer sends the raw request "POST /tags?operation=tag-resource" with the body:
        """
        {"ResourceARN": "{{channel:support}}", "Tags": [{"Key": "team", "Value": "emea"}]}
        """
      Then the raw response status is 204
      And the tags of "support" are exactly:
        | key  | value |
        | team | emea  |

    @op:UntagResource @op:ListTagsForResource
    Example: With "operation=untag-resource", tags are removed
      Given "support" is tagged:
        | key  | value |
        | team | emea  |
      When the developer sends the raw request "POST /tags?operation=untag-resource" with the body:
        """
        {"ResourceARN": "{{channel:support}}", "TagKeys": ["team"]}
        """
      Then the raw response status is 204
      And "support" carries no tags

    @op:ListTagsForResource
    Example: Without an operation, the tags are listed
      Given "support" is tagged:
        | key  | value |
        | team | emea  |
      When the developer sends the raw request "GET /tags?arn={{channel:support}}"
      Then the raw response status is 200
      And the raw response body has "Tags.0.Key" equal to "team"
