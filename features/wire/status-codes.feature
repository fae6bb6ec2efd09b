@area:HTTP @requires:wire @model
Feature: Success status codes on the wire
  The service speaks AWS restJson1 over HTTP. The documentation never shows status codes; the service
  model gives each operation its success code: 201 for creations, 204 for most operations that return
  nothing, 200 for the rest. These examples send raw HTTP requests, as an SDK would, and look at the raw
  responses. In a request, {{channel:support}}, {{user:Bob}}, {{flow:profanity-filter}} and
  {{message:Hello}} stand for the ARN or ID of what the scenario created under that name (percent-encoded
  in the path and the query string, as is in a body); {{app-instance}} for the scenario's AppInstance,
  {{processor:pass-through}} for the target's pass-through processor, {{callback:Hello}} for the callback
  ID the processor received for that message, and {{token}} for a new client request token. "When Alice
  sends" puts Alice's ARN in the x-amz-chime-bearer header; "the developer" sends no bearer.

  Background:
    Given Alice has created the public channel "support"

  @rule:HTTP-001
  Rule: Creating answers 201

    @op:CreateChannel
    Example: CreateChannel answers 201
      When Alice sends the raw request "POST /channels" with the body:
        """
        {"AppInstanceArn": "{{app-instance}}", "Name": "sales", "Mode": "UNRESTRICTED",
         "Privacy": "PUBLIC", "ClientRequestToken": "{{token}}"}
        """
      Then the raw response status is 201

    @op:CreateChannelMembership
    Example: CreateChannelMembership answers 201
      When Ada sends the raw request "POST /channels/{{channel:support}}/memberships" with the body:
        """
        {"MemberArn": "{{user:Bob}}", "Type": "DEFAULT"}
        """
      Then the raw response status is 201

    @op:CreateChannelModerator
    Example: CreateChannelModerator answers 201
      When Ada sends the raw request "POST /channels/{{channel:support}}/moderators" with the body:
        """
        {"ChannelModeratorArn": "{{user:Max}}"}
        """
      Then the raw response status is 201

    @op:CreateChannelBan
    Example: CreateChannelBan answers 201
      When Ada sends the raw request "POST /channels/{{channel:support}}/bans" with the body:
        """
        {"MemberArn": "{{user:Mallory}}"}
        """
      Then the raw response status is 201

    @op:SendChannelMessage
    Example: SendChannelMessage answers 201
      When Alice sends the raw request "POST /channels/{{channel:support}}/messages" with the body:
        """
        {"Content": "Hello", "Type": "STANDARD", "Persistence": "PERSISTENT", "ClientRequestToken": "{{token}}"}
        """
      Then the raw response status is 201

    @op:CreateChannelFlow
    Example: CreateChannelFlow answers 201
      When the developer sends the raw request "POST /channel-flows" with the body:
        """
        {"AppInstanceArn": "{{app-instance}}", "Name": "profanity-filter", "ClientRequestToken": "{{token}}",
         "Processors": [{"Name": "pass-through", "ExecutionOrder": 1, "FallbackAction": "ABORT",
           "Configuration": {"Lambda": {"ResourceArn": "{{processor:pass-through}}", "InvocationType": "ASYNC"}}}]}
        """
      Then the raw response status is 201

  @rule:HTTP-002
  Rule: Operations that return nothing answer 204, most of them, with no output
    # The model gives these operations no output members: the body is empty, or an empty JSON object
    # ({}). Neither carries anything, and services send either, so both conform.

    @op:DeleteChannel
    Example: DeleteChannel answers 204
      When Ada sends the raw request "DELETE /channels/{{channel:support}}"
      Then the raw response status is 204
      And the raw response body carries no output

    @op:DeleteChannelMembership
    Example: DeleteChannelMembership answers 204
      Given Bob is a member of "support"
      When Ada sends the raw request "DELETE /channels/{{channel:support}}/memberships/{{user:Bob}}"
      Then the raw response status is 204
      And the raw response body carries no output

    @op:DeleteChannelModerator
    Example: DeleteChannelModerator answers 204
      Given Max is a moderator of "support"
      When Ada sends the raw request "DELETE /channels/{{channel:support}}/moderators/{{user:Max}}"
      Then the raw response status is 204
      And the raw response body carries no output

    @op:DeleteChannelBan
    Example: DeleteChannelBan answers 204
      Given Mallory is banned from "support"
      When Ada sends the raw request "DELETE /channels/{{channel:support}}/bans/{{user:Mallory}}"
      Then the raw response status is 204
      And the raw response body carries no output

    @op:DeleteChannelMessage
    Example: DeleteChannelMessage answers 204
      Given Alice has posted "Hello" in "support"
      When Ada sends the raw request "DELETE /channels/{{channel:support}}/messages/{{message:Hello}}"
      Then the raw response status is 204
      And the raw response body carries no output

    @op:DisassociateChannelFlow
    Example: DisassociateChannelFlow answers 204
      Given the channel flow "profanity-filter" runs the pass-through processor
      And "support" is associated with the channel flow "profanity-filter"
      When Ada sends the raw request "DELETE /channels/{{channel:support}}/channel-flow/{{flow:profanity-filter}}"
      Then the raw response status is 204
      And the raw response body carries no output

    @op:DeleteChannelFlow
    Example: DeleteChannelFlow answers 204
      Given the channel flow "profanity-filter" runs the pass-through processor
      When the developer sends the raw request "DELETE /channel-flows/{{flow:profanity-filter}}"
      Then the raw response status is 204
      And the raw response body carries no output

    @op:TagResource
    Example: TagResource answers 204
      When the developer sends the raw request "POST /tags?operation=tag-resource" with the body:
        """
        {"ResourceARN": "{{channel:support}}", "Tags": [{"Key": "team", "Value": "emea"}]}
        """
      Then the raw response status is 204
      And the raw response body carries no output

    @op:UntagResource
    Example: UntagResource answers 204
      Given "support" is tagged:
        | key  | value |
        | team | emea  |
      When the developer sends the raw request "POST /tags?operation=untag-resource" with the body:
        """
        {"ResourceARN": "{{channel:support}}", "TagKeys": ["team"]}
        """
      Then the raw response status is 204
      And the raw response body carries no output

  @rule:HTTP-003 @op:AssociateChannelFlow
  Rule: AssociateChannelFlow returns nothing, yet answers 200, not 204

    Example: AssociateChannelFlow answers 200 with no output
      Given the channel flow "profanity-filter" runs the pass-through processor
      When Ada sends the raw request "PUT /channels/{{channel:support}}/channel-flow" with the body:
        """
        {"ChannelFlowArn": "{{flow:profanity-filter}}"}
        """
      Then the raw response status is 200
      And the raw response body carries no output

  @rule:HTTP-004
  Rule: Three POST operations answer 200, not 201

    @op:BatchCreateChannelMembership
    Example: BatchCreateChannelMembership answers 200
      When Ada sends the raw request "POST /channels/{{channel:support}}/memberships?operation=batch-create" with the body:
        """
        {"MemberArns": ["{{user:Bob}}"]}
        """
      Then the raw response status is 200

    @op:RedactChannelMessage
    Example: RedactChannelMessage answers 200
      Given Alice has posted "Hello" in "support"
      When Ada sends the raw request "POST /channels/{{channel:support}}/messages/{{message:Hello}}?operation=redact"
      Then the raw response status is 200

    @requires:processor-inspection @op:ChannelFlowCallback @requires:processor:hold @requires:processor:hold
    Example: ChannelFlowCallback answers 200
      Given "support" goes through a processor that the scenario plays
      And Alice has posted "Hello" in "support"
      And the processor has received "Hello"
      When the developer sends the raw request "POST /channels/{{channel:support}}?operation=channel-flow-callback" with the body:
        """
        {"CallbackId": "{{callback:Hello}}", "ChannelMessage": {"MessageId": "{{message:Hello}}"}}
        """
      Then the raw response status is 200
