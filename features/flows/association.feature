@area:FLOW @requires:flow-processors
Feature: Associating channels with channel flows
  Associating a channel flow with a channel sends every later message of that channel through the
  flow's processors; disassociating it stops that. A flow may serve many channels, but a channel has at
  most one flow. Only administrators and channel moderators may associate or disassociate a flow, and
  only a flow of the channel's own AppInstance. "the developer" is the app's back end calling the
  developer APIs, which take no bearer.

  Background:
    Given Alice has created the public channel "support"
    And the channel flow "profanity-filter" runs the pass-through processor

  @rule:FLOW-006
  Rule: Once associated, the channel's messages go through the flow

    @op:AssociateChannelFlow @op:DescribeChannel
    Example: The channel shows the flow it is associated with
      When Alice associates "support" with the channel flow "profanity-filter"
      Then "support" is described with the channel flow "profanity-filter"

    @rule:STAT-003 @rule:STAT-001 @op:SendChannelMessage
    Example: The next message is held for processing
      Given "support" is associated with the channel flow "profanity-filter"
      When Alice posts "Where is my order?" in "support"
      Then the message status is PENDING

    @requires:processor-inspection @op:SendChannelMessage
    Example: The next message is handed to the processor
      Given "support" is associated with the channel flow "profanity-filter"
      When Alice posts "Where is my order?" in "support"
      Then the processor is invoked for "Where is my order?"

  @rule:AUTH-005 @op:AssociateChannelFlow
  Rule: Only administrators or channel moderators can associate a channel flow

    @op:DescribeChannel
    Example: A moderator associates a flow
      Given Max is a moderator of "support"
      When Max associates "support" with the channel flow "profanity-filter"
      Then "support" is described with the channel flow "profanity-filter"

    @op:DescribeChannel
    Example: An administrator associates a flow
      When Ada associates "support" with the channel flow "profanity-filter"
      Then "support" is described with the channel flow "profanity-filter"

    @rule:ERR-003 @op:DescribeChannel
    Example: A member may not associate a flow
      Given Bob is a member of "support"
      When Bob associates "support" with the channel flow "profanity-filter"
      Then the request fails with ForbiddenException
      And "support" is described without a channel flow

    @rule:ERR-003 @op:DescribeChannel
    Example: A user outside the channel may not associate a flow
      When Carol associates "support" with the channel flow "profanity-filter"
      Then the request fails with ForbiddenException
      And "support" is described without a channel flow

  @rule:AUTH-006 @op:DisassociateChannelFlow
  Rule: Only administrators or channel moderators can disassociate a channel flow

    Background:
      Given "support" is associated with the channel flow "profanity-filter"

    @op:DescribeChannel
    Example: A moderator disassociates a flow
      Given Max is a moderator of "support"
      When Max disassociates "support" from the channel flow "profanity-filter"
      Then "support" is described without a channel flow

    @op:DescribeChannel
    Example: An administrator disassociates a flow
      When Ada disassociates "support" from the channel flow "profanity-filter"
      Then "support" is described without a channel flow

    @rule:ERR-003 @op:DescribeChannel
    Example: A member may not disassociate a flow
      Given Bob is a member of "support"
      When Bob disassociates "support" from the channel flow "profanity-filter"
      Then the request fails with ForbiddenException
      And "support" is described with the channel flow "profanity-filter"

  @rule:FLOW-007
  Rule: A flow can serve many channels, but a channel has only one flow

    @op:ListChannelsAssociatedWithChannelFlow
    Example: One flow serves two channels
      Given Alice has created the public channel "sales"
      And "support" and "sales" are associated with the channel flow "profanity-filter"
      When the developer lists the channels associated with the channel flow "profanity-filter"
      Then the channels listed are exactly "support" and "sales"

    @rule:ERR-002 @op:AssociateChannelFlow @op:DescribeChannel
    Example: A channel cannot take a second flow
      Given "support" is associated with the channel flow "profanity-filter"
      And the channel flow "shouter" runs the rewrite processor
      When Alice associates "support" with the channel flow "shouter"
      Then the request fails with ConflictException
      And "support" is described with the channel flow "profanity-filter"

  @rule:FLOW-008
  Rule: Once disassociated, the channel's messages no longer go through the flow

    Background:
      Given "support" is associated with the channel flow "profanity-filter"

    @op:DisassociateChannelFlow @op:DescribeChannel
    Example: The channel no longer shows the flow
      When Alice disassociates "support" from the channel flow "profanity-filter"
      Then "support" is described without a channel flow

    @rule:STAT-002 @op:SendChannelMessage
    Example: Messages are sent at once again
      Given "support" has been disassociated from the channel flow "profanity-filter"
      When Alice posts "Back to normal" in "support"
      Then the message status is SENT

    @requires:processor-inspection @op:SendChannelMessage
    Example: Messages are no longer handed to the processor
      Given "support" has been disassociated from the channel flow "profanity-filter"
      When Alice posts "Back to normal" in "support"
      Then the processor is not invoked for "Back to normal"

  @rule:FLOW-009 @assumption @op:DisassociateChannelFlow @op:ListChannelsAssociatedWithChannelFlow
  Rule: Disassociating concerns only the channel named in the request
    # The summary of DisassociateChannelFlow says "from all its channels", but the request names a
    # single channel: the kit expects only that channel to be disassociated.

    Example: The flow's other channels keep it
      Given Alice has created the public channel "sales"
      And "support" and "sales" are associated with the channel flow "profanity-filter"
      When Alice disassociates "support" from the channel flow "profanity-filter"
      Then the channels associated with the channel flow "profanity-filter" are exactly "sales"

  @rule:FLOW-016 @op:ListChannelsAssociatedWithChannelFlow
  Rule: The channels of a flow are listed with their summaries
    # The summary has no LastMessageTimestamp member: the wire features check that it is never sent.

    Example: A channel is listed with its name, ARN, mode, privacy and metadata
      Given Alice has created the private restricted channel "vip-desk" with the metadata "tier=gold"
      And "vip-desk" is associated with the channel flow "profanity-filter"
      When the developer lists the channels associated with the channel flow "profanity-filter"
      Then "vip-desk" is listed by its name and ARN as private and restricted, with the metadata "tier=gold"

  @rule:FLOW-028 @op:AssociateChannelFlow
  Rule: Only an existing flow of the channel's AppInstance can be associated

    @rule:ERR-004
    Example: A flow that does not exist
      When Alice associates "support" with a channel flow that does not exist
      Then the request fails with NotFoundException

    @assumption @op:DescribeChannel
    Example: A flow of another AppInstance
      # The documentation names no error: the kit expects BadRequestException.
      Given Frank's AppInstance has the channel flow "elsewhere"
      When Alice associates "support" with the channel flow "elsewhere"
      Then the request fails with BadRequestException
      And "support" is described without a channel flow
