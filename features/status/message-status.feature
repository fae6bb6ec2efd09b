@area:STAT
Feature: Message status
  Every message has a status: SENT, PENDING, FAILED or DENIED. In a channel without a channel flow a
  message is SENT at once. In a channel with a flow it is PENDING while the flow's processor works on it,
  then SENT; or FAILED when the processor cannot be reached and its fallback action is ABORT. A message
  the processor denies is not stored, so no call returns it, nor its DENIED status. Only the sender may
  ask for a message's status, and doing so needs no websocket connection.
  Processing is asynchronous: "which has been processed" and "eventually" mean that the kit polls, up to
  the target's consistency bound, until processing is over.

  Background:
    Given Alice has created the public channel "support"
    And Bob is a member of "support"

  @rule:STAT-002 @rule:STAT-001
  Rule: Without a channel flow, a message is SENT at once

    @op:SendChannelMessage
    Example: The send reports SENT
      When Alice posts "Hello" in "support"
      Then the message status is SENT

    @op:GetChannelMessage
    Example: The message reads as SENT
      Given Alice has posted "Hello" in "support"
      When Bob gets the message "Hello" from "support"
      Then the message status is SENT

    @op:ListChannelMessages
    Example: The message is listed as SENT
      Given Alice has posted "Hello" in "support"
      When Bob lists the messages in "support"
      Then "Hello" is listed with the status SENT

  @rule:STAT-009 @rule:STAT-001 @op:GetChannelMessageStatus
  Rule: The sender can ask for the status of a message, which is SENT without a channel flow

    Example: The sender reads the status
      Given Alice has posted "Hello" in "support"
      When Alice reads the status of "Hello" in "support"
      Then the message status is SENT

  @rule:AUTH-008 @rule:ERR-003 @op:GetChannelMessageStatus
  Rule: Only the sender may ask for the status of a message
    # No exemption for moderators or administrators is stated, so the kit assumes none.

    Background:
      Given Alice has posted "Hello" in "support"

    Example: Another member may not
      When Bob reads the status of "Hello" in "support"
      Then the request fails with ForbiddenException

    Example: A moderator may not
      Given Max is a moderator of "support"
      When Max reads the status of "Hello" in "support"
      Then the request fails with ForbiddenException

    Example: An administrator may not
      When Ada reads the status of "Hello" in "support"
      Then the request fails with ForbiddenException

  @rule:STAT-003 @rule:STAT-001 @op:SendChannelMessage @requires:processor:pass-through @requires:processor:pass-through
  Rule: With a channel flow, the send reports the processing stage

    Example: A message is PENDING when sent
      Given "support" goes through the pass-through processor
      When Alice posts "Hello" in "support"
      Then the message status is PENDING

  @rule:STAT-004 @op:GetChannelMessageStatus @requires:processor:slow-pass-through
  Rule: A message is PENDING while the processor works on it
    # The slow-pass-through processor answers only after a delay the target states: a read made before then
    # sees the message in processing, on every target.

    Example: The status while the processor has not answered
      Given "support" goes through the slow-pass-through processor
      And Alice has posted "Hello" in "support"
      When Alice reads the status of "Hello" in "support" before the processor answers
      Then the message status is PENDING

  @rule:STAT-005 @op:GetChannelMessageStatus
  Rule: A message the processor has passed or updated is SENT

    @requires:processor:pass-through @requires:processor:pass-through
    Example: The pass-through processor has answered
      Given "support" goes through the pass-through processor
      And Alice has posted "Hello" in "support", which has been processed
      When Alice reads the status of "Hello" in "support"
      Then the message status is SENT

    @requires:processor:rewrite @requires:processor:rewrite
    Example: The rewrite processor has answered
      Given "support" goes through the rewrite processor
      And Alice has posted "Hello" in "support", which has been processed
      When Alice reads the status of "Hello" in "support"
      Then the message status is SENT

  @rule:STAT-006 @op:GetChannelMessageStatus @requires:processor:unreachable @requires:processor:unreachable
  Rule: A message whose processor cannot be reached, falling back to ABORT, is FAILED

    Example: The processor cannot be reached
      Given "support" goes through the unreachable processor, falling back to ABORT
      And Alice has posted "Hello" in "support", which has been processed
      When Alice reads the status of "Hello" in "support"
      Then the message status is FAILED

  @rule:STAT-007 @rule:STAT-008 @requires:processor:deny @requires:processor:deny
  Rule: A denied message is not stored, so no status is returned for it, not even DENIED
    # No call can return the status DENIED: the send returns PENDING, and GetChannelMessageStatus returns
    # no status for a denied message. GetChannelMessageStatus models no NotFoundException (ERR-004).

    Background:
      Given "support" goes through the deny processor
      And Alice has posted "Cheap watches!" in "support", which has been processed

    @op:GetChannelMessageStatus
    Example: The sender gets an error instead of a status
      When Alice reads the status of "Cheap watches!" in "support"
      Then the request fails with NotFoundException or ForbiddenException

    @op:GetChannelMessage
    Example: The denied message cannot be retrieved
      When Alice gets the message "Cheap watches!" from "support"
      Then the request fails with NotFoundException

    @op:ListChannelMessages
    Example: The denied message is not listed
      When Alice lists the messages in "support"
      Then "Cheap watches!" is not among the messages listed

  @rule:STAT-010 @rule:STAT-005 @requires:processor-inspection @requires:processor:hold @requires:processor:hold
  Rule: The status follows processing, with no websocket connection

    @op:ChannelFlowCallback @op:GetChannelMessageStatus
    Example: The status turns SENT once the processor has answered
      Given "support" goes through a processor that the scenario plays
      And Alice has posted "Hello" in "support"
      When the processor passes "Hello" unchanged
      Then Alice eventually reads the status of "Hello" in "support" as SENT

  @rule:STAT-011 @rule:STAT-001
  Rule: An edit reports its own status, and goes through the channel flow like a new message

    @rule:STAT-002 @op:UpdateChannelMessage
    Example: Without a flow, an edit is SENT
      Given Alice has posted "Helo" in "support"
      When Alice edits "Helo" to read "Hello"
      Then the message status is SENT

    @op:UpdateChannelMessage @op:GetChannelMessage
    Example: Without a flow, an edit applies at once
      Given Alice has posted "Helo" in "support"
      When Alice edits "Helo" to read "Hello"
      Then Bob gets the message "Helo" from "support" with the content "Hello"

    @rule:FLOW-017 @op:UpdateChannelMessage @requires:processor:pass-through @requires:processor:pass-through
    Example: With a flow, an edit is PENDING
      Given "support" goes through the pass-through processor
      And Alice has posted "Helo" in "support", which has been processed
      When Alice edits "Helo" to read "Hello"
      Then the message status is PENDING

    @rule:FLOW-017 @requires:processor-inspection @op:UpdateChannelMessage @op:GetChannelMessage @requires:processor:hold @requires:processor:hold
    Example: With a flow, an edit is not visible before the processor answers
      Given "support" goes through a processor that the scenario plays
      And Alice has posted "Helo" in "support", which the processor has passed unchanged
      When Alice edits "Helo" to read "Hello"
      Then Bob does not see the content "Hello" when getting the message "Helo" from "support"

    @rule:STAT-004 @op:GetChannelMessageStatus @requires:processor:slow-pass-through
    Example: With a flow, an edited message is PENDING until the processor answers
      Given "support" goes through the slow-pass-through processor
      And Alice has posted "Helo" in "support", which has been processed
      And Alice has edited "Helo" to read "Hello"
      When Alice reads the status of "Helo" in "support" before the processor answers
      Then the message status is PENDING

    @rule:FLOW-017 @requires:processor-inspection @op:ChannelFlowCallback @op:GetChannelMessage @requires:processor:hold @requires:processor:hold
    Example: With a flow, an edit is visible once the processor has answered
      Given "support" goes through a processor that the scenario plays
      And Alice has posted "Helo" in "support", which the processor has passed unchanged
      And Alice has edited "Helo" to read "Hello"
      When the processor passes "Hello" unchanged
      Then Bob eventually gets the message "Helo" from "support" with the content "Hello"
