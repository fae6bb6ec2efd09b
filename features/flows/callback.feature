@area:FLOW @requires:processor-inspection @requires:processor:hold
Feature: Calling back from a processor
  A processor answers the service with ChannelFlowCallback, quoting the callback ID the service invoked
  it with. It can leave the message unchanged, update its content or metadata, or deny it. Here the
  scenario plays the processor itself: "the processor" receives the invocation and calls back as the
  step says. Calling back is a developer API: it takes no bearer.

  Background:
    Given Alice has created the public channel "support"
    And Bob is a member of "support"
    And "support" goes through a processor that the scenario plays
    And Alice has posted "This darn printer" in "support"

  @rule:FLOW-020 @op:ChannelFlowCallback
  Rule: The processor may update the content or the metadata of the message

    @rule:FLOW-023
    Example: The callback is acknowledged
      When the processor replaces "This darn printer" with "This d*** printer"
      Then the callback is acknowledged with the channel and the callback ID

    @op:GetChannelMessage
    Example: Members read the processor's content
      When the processor replaces "This darn printer" with "This d*** printer"
      Then Bob eventually gets the message "This darn printer" from "support" with the content "This d*** printer"

    @op:GetChannelMessage
    Example: Members read the processor's metadata
      When the processor sets the metadata of "This darn printer" to "moderated"
      Then Bob eventually gets the message "This darn printer" from "support" with the metadata "moderated"

  @rule:FLOW-022 @op:ChannelFlowCallback
  Rule: The processor may leave the message unchanged

    @rule:FLOW-023
    Example: The callback is acknowledged
      When the processor passes "This darn printer" unchanged
      Then the callback is acknowledged with the channel and the callback ID

    @rule:STAT-005 @op:GetChannelMessage
    Example: Members read the message as it was sent
      When the processor passes "This darn printer" unchanged
      Then Bob eventually gets the message "This darn printer" from "support" with the content "This darn printer"

  @rule:FLOW-021 @rule:STAT-007 @op:ChannelFlowCallback
  Rule: The processor may deny the message, which is then not stored
    # No call returns the status DENIED: the send returned PENDING, and the status of a denied message is
    # not returned (STAT-008). The kit observes a denial through its consequence: the message is gone.

    Example: The callback is acknowledged
      When the processor denies "This darn printer"
      Then the callback is acknowledged with the channel and the callback ID

    @rule:STAT-008 @op:GetChannelMessage
    Example: The denied message is gone
      When the processor denies "This darn printer"
      Then Alice eventually can no longer get the message "This darn printer" from "support"

  @rule:FLOW-023 @op:ChannelFlowCallback
  Rule: A callback quotes the callback ID the service issued for a message being processed
    # The documentation names no error for a callback ID or message it does not know: the kit accepts
    # either of the two modeled client errors, ConflictException and BadRequestException.

    @assumption @rule:STAT-004 @op:GetChannelMessageStatus
    Example: A callback ID the service never issued is refused
      Given the processor has received "This darn printer"
      When the processor calls back for "This darn printer" with a callback ID the service never issued
      Then the request fails with ConflictException or BadRequestException
      And Alice still reads the status of "This darn printer" in "support" as PENDING

    @assumption @op:GetChannelMessageStatus
    Example: A callback ID issued for another message is refused
      Given Alice has posted "Paper jam again" in "support"
      And the processor has received "This darn printer"
      When the processor calls back for "This darn printer" with the callback ID issued for "Paper jam again"
      Then the request fails with ConflictException or BadRequestException
      And Alice still reads the status of "This darn printer" in "support" as PENDING
      And Alice still reads the status of "Paper jam again" in "support" as PENDING

    @assumption @op:GetChannelMessage
    Example: A message no longer being processed cannot be changed
      Given the processor has passed "This darn printer" unchanged
      When the processor calls back again to replace "This darn printer" with "Buy cheap watches!"
      Then the request fails with ConflictException or BadRequestException
      And Bob gets the message "This darn printer" from "support" with the content "This darn printer"

  @rule:FLOW-024 @assumption @op:ChannelFlowCallback
  Rule: The callback ID is the one the service issued, never one the client makes up
    # The documentation says the callback ID is "autopopulated if not provided", yet only the ID the
    # service issued identifies the invocation: an SDK that fills it in makes one the service never issued.

    Example: A callback without a callback ID is refused
      Given the processor has received "This darn printer"
      When the processor calls back for "This darn printer" without a callback ID
      Then the request fails with ConflictException or BadRequestException

    @op:GetChannelMessage
    Example: Repeating the same callback is harmless
      Given the processor has passed "This darn printer" unchanged
      When the processor passes "This darn printer" unchanged again, with the same callback ID
      Then the callback is acknowledged with the channel and the callback ID
      And Bob gets the message "This darn printer" from "support" with the content "This darn printer"

  # The Developer Guide, "Setting up a Channel Processor": "The processor Lambda function has 48 hours to
  # send back the results. We do not guarantee message delivery after that, and the ChannelFlowCallback
  # API throws a Forbidden Exception" (https://docs.aws.amazon.com/chime-sdk/latest/dg/processor-setup.html).
  # The kit moves the target's clock forward rather than wait: only a target whose clock it controls can
  # run this.
  @rule:FLOW-030 @op:ChannelFlowCallback @requires:clock-control
  Rule: A processor calls back within 48 hours of its invocation

    Example: A callback more than 48 hours after the invocation is refused
      Given the processor has received "This darn printer"
      And more than 48 hours have passed since the processor received "This darn printer"
      When the processor passes "This darn printer" unchanged
      Then the request fails with ForbiddenException
