@area:FLOW
Feature: Associating channels with channel flows
  Associating a channel flow with a channel sends every later message of that channel through the
  flow's processors; disassociating it stops that. A flow may serve many channels, but a channel has at
  most one flow, and only a flow of its own AppInstance. Who may associate or disassociate a flow
  (administrators and channel moderators) is told in the features about access. "the developer" is the
  app's back end calling the developer APIs, which take no bearer.

  Background:
    Given Alice has created the public channel "support"
    And the channel flow "profanity-filter" runs the pass-through processor

  @rule:FLOW-006
  Rule: Once associated, the channel's messages go through the flow

    @op:AssociateChannelFlow @op:DescribeChannel
    Example: The channel shows the flow it is associated with
      When Alice associates the channel flow "profanity-filter" with "support"
      Then "support" uses the channel flow "profanity-filter"

    @rule:STAT-003 @rule:STAT-001 @op:SendChannelMessage @requires:processor:pass-through @requires:processor:pass-through
    Example: The next message is held for processing
      Given "support" is associated with the channel flow "profanity-filter"
      When Alice posts "Where is my order?" in "support"
      Then the message status is PENDING

    @requires:processor-inspection @op:SendChannelMessage @requires:processor:pass-through @requires:processor:pass-through
    Example: The next message is handed to the processor
      Given "support" is associated with the channel flow "profanity-filter"
      When Alice posts "Where is my order?" in "support"
      Then the processor is invoked for "Where is my order?"

  @rule:FLOW-007
  Rule: A flow can serve many channels, but a channel has only one flow

    @op:ListChannelsAssociatedWithChannelFlow
    Example: One flow serves two channels
      Given Alice has created the public channel "sales"
      And "support" and "sales" are associated with the channel flow "profanity-filter"
      When the developer lists the channels associated with the channel flow "profanity-filter"
      Then exactly "support" and "sales" are listed

    @rule:ERR-002 @op:AssociateChannelFlow @op:DescribeChannel
    Example: A channel cannot take a second flow
      Given "support" is associated with the channel flow "profanity-filter"
      And the channel flow "shouter" runs the rewrite processor
      When Alice associates the channel flow "shouter" with "support"
      Then the request fails with ConflictException
      And "support" uses the channel flow "profanity-filter"

  @rule:FLOW-008
  Rule: Once disassociated, the channel's messages no longer go through the flow

    Background:
      Given "support" is associated with the channel flow "profanity-filter"

    @op:DisassociateChannelFlow @op:DescribeChannel
    Example: The channel no longer shows the flow
      When Alice disassociates the channel flow "profanity-filter" from "support"
      Then "support" uses no channel flow

    @rule:STAT-002 @op:SendChannelMessage @requires:processor:pass-through @requires:processor:pass-through
    Example: Messages are sent at once again
      Given "support" has been disassociated from the channel flow "profanity-filter"
      When Alice posts "Back to normal" in "support"
      Then the message status is SENT

    @requires:processor-inspection @op:SendChannelMessage @requires:processor:pass-through @requires:processor:pass-through
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
      When Alice disassociates the channel flow "profanity-filter" from "support"
      Then the channels associated with the channel flow "profanity-filter" are exactly "sales"

  @rule:FLOW-016 @op:ListChannelsAssociatedWithChannelFlow
  Rule: The channels of a flow are listed with their summaries
    # The summary has no LastMessageTimestamp member: the wire features check that it is never sent.

    Example: A channel is listed with its name, mode, privacy and metadata
      Given Alice has created the private restricted channel "vip-desk" with the metadata "tier=gold"
      And "vip-desk" is associated with the channel flow "profanity-filter"
      When the developer lists the channels associated with the channel flow "profanity-filter"
      Then "vip-desk" is listed with:
        | name     | vip-desk   |
        | mode     | RESTRICTED |
        | privacy  | PRIVATE    |
        | metadata | tier=gold  |

  @rule:FLOW-028 @op:AssociateChannelFlow
  Rule: Only an existing flow of the channel's AppInstance can be associated

    @rule:ERR-004
    Example: A flow that does not exist
      When Alice associates a channel flow that does not exist with "support"
      Then the request fails with NotFoundException

    @assumption @op:DescribeChannel
    Example: A flow of another AppInstance
      # The documentation names no error: the kit expects BadRequestException.
      Given Frank's AppInstance has the channel flow "elsewhere"
      When Alice associates the channel flow "elsewhere" with "support"
      Then the request fails with BadRequestException
      And "support" uses no channel flow
