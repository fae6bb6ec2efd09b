@area:FLOW
Feature: Message processing by channel flows
  In a channel associated with a channel flow, new and updated STANDARD messages, persistent or not, go
  through the flow's processor; CONTROL messages don't. The sender's request returns while processing
  goes on: the message is PENDING until the processor answers. The kit's processors behave as their
  names say: the pass-through processor changes nothing; the deny processor denies every message; the
  rewrite processor upper-cases the content and sets the metadata to "rewritten-by-processor"; the
  unreachable processor cannot be invoked at all, so its fallback action decides what happens.
  Processing is asynchronous: "which has been processed" and "eventually" mean that the kit polls, up to
  the target's consistency bound, until processing is over.

  Background:
    Given Alice has created the public channel "support"
    And Bob is a member of "support"

  @rule:FLOW-005 @requires:processor-inspection @op:SendChannelMessage @requires:processor:pass-through
  Rule: Each standard message is handed to the processor once

    Example: The processor gets the channel, the message ID, a callback ID and the content
      Given "support" goes through the pass-through processor
      When Alice posts "Where is my order?" in "support"
      Then the processor is invoked once for "Where is my order?", with its channel, message ID, callback ID and content

    # The Developer Guide, "Setting up a Channel Processor", documents what the processor Lambda function
    # receives: EventType (the constant CHANNEL_MESSAGE_EVENT), CallbackId, and the ChannelMessage with its
    # MessageId, ChannelArn, Content, Metadata, Sender, Persistence, LastEditedTimestamp, Type and
    # CreatedTimestamp (https://docs.aws.amazon.com/chime-sdk/latest/dg/processor-setup.html).
    @op:GetChannelMessage
    Example: The processor receives the event the Developer Guide documents
      Given "support" goes through the pass-through processor
      When Alice posts the PERSISTENT message "Where is my order?" in "support" with the metadata:
        """
        {"order": 42}
        """
      Then the processor receives "Where is my order?" in the event the Developer Guide documents

  @rule:FLOW-017 @requires:processor-inspection @requires:processor:pass-through
  Rule: New and updated messages are processed

    Background:
      Given "support" goes through the pass-through processor

    @op:SendChannelMessage
    Example: A new message is processed
      When Alice posts "Where is my order?" in "support"
      Then the processor is invoked for "Where is my order?"

    @op:UpdateChannelMessage
    Example: An edited message is processed again
      Given Alice has posted "Were is my order?" in "support", which has been processed
      When Alice edits "Were is my order?" to read "Where is my order?"
      Then the processor is invoked for "Where is my order?"

  @rule:FLOW-018 @op:SendChannelMessage @requires:processor:pass-through
  Rule: Non-persistent messages are processed too

    Background:
      Given "support" goes through the pass-through processor

    @rule:STAT-003
    Example: A non-persistent message is held for processing
      When Alice posts the NON_PERSISTENT message "Alice is typing a long answer" in "support"
      Then the message status is PENDING

    @requires:processor-inspection
    Example: A non-persistent message is handed to the processor
      When Alice posts the NON_PERSISTENT message "Alice is typing a long answer" in "support"
      Then the processor is invoked for "Alice is typing a long answer"

  @rule:FLOW-019 @op:SendChannelMessage @requires:processor:rewrite
  Rule: Control messages bypass the flow
    # The flow runs the rewrite processor, whose work shows: a CONTROL message it had been handed would
    # be held PENDING, then read upper-cased with the metadata "rewritten-by-processor".

    Background:
      Given "support" goes through the rewrite processor

    Example: A control message is sent at once
      When Alice posts the CONTROL message "typing" in "support"
      Then the message status is SENT

    @op:GetChannelMessage
    Example: Members read a control message as it was sent
      Given Alice has posted the CONTROL message "typing" in "support"
      When Bob gets the message "typing" from "support"
      Then he reads "typing"

    @requires:processor-inspection
    Example: A control message is never handed to the processor
      When Alice posts the CONTROL message "typing" in "support"
      Then the processor is not invoked for "typing"

  @rule:FLOW-020 @rule:STAT-005 @op:GetChannelMessage @requires:processor:rewrite
  Rule: A processor may update the content and metadata of a message

    Example: Members read the processor's version of the message
      Given "support" goes through the rewrite processor
      And Alice has posted "please help" with the metadata "lang=en" in "support", which has been processed
      When Bob gets the message "please help" from "support"
      Then the message read has the content "PLEASE HELP" and the metadata "rewritten-by-processor"
      And the message status is SENT

  @rule:FLOW-022 @rule:STAT-005 @op:GetChannelMessage @requires:processor:pass-through
  Rule: A processor may leave a message unchanged

    Example: Members read the message as it was sent
      Given "support" goes through the pass-through processor
      And Alice has posted "see you at 5" with the metadata "priority=low" in "support", which has been processed
      When Bob gets the message "see you at 5" from "support"
      Then the message read has the content "see you at 5" and the metadata "priority=low"
      And the message status is SENT

  @rule:FLOW-021 @rule:STAT-007 @rule:STAT-008 @requires:processor:deny
  Rule: A denied message is not stored

    Background:
      Given "support" goes through the deny processor
      And Alice has posted "Cheap watches!" in "support", which has been processed

    @op:GetChannelMessage
    Example: A denied message cannot be retrieved
      When Bob gets the message "Cheap watches!" from "support"
      Then the request fails with NotFoundException

    @op:ListChannelMessages
    Example: A denied message is not listed
      When Bob lists the messages in "support"
      Then "Cheap watches!" is not among the messages listed

  @rule:FLOW-025 @requires:processor:unreachable
  Rule: When the processor cannot be reached and its fallback action is CONTINUE, the message is sent

    Background:
      Given "support" goes through the unreachable processor, falling back to CONTINUE
      And Alice has posted "Anyone there?" in "support", which has been processed

    @rule:STAT-005 @op:GetChannelMessageStatus
    Example: The message is SENT
      When Alice reads the status of "Anyone there?" in "support"
      Then the message status is SENT

    @op:ListChannelMessages
    Example: Members see the message as it was sent
      When Bob lists the messages in "support"
      Then "Anyone there?" is listed with the status SENT

  @rule:FLOW-026 @model @requires:processor:unreachable
  Rule: When the processor cannot be reached and its fallback action is ABORT, the message fails
    # The documentation does not say what ABORT does; the model's Processor documentation does: "the
    # processor sets the message status to FAILED and does not send the message to any recipients".

    Background:
      Given "support" goes through the unreachable processor, falling back to ABORT
      And Alice has posted "Anyone there?" in "support", which has been processed

    @rule:STAT-006 @op:GetChannelMessageStatus
    Example: The message is FAILED
      When Alice reads the status of "Anyone there?" in "support"
      Then the message status is FAILED

    @rule:FLOW-029 @op:ListChannelMessages
    Example: Members never see the failed message
      When Bob lists the messages in "support"
      Then "Anyone there?" is not among the messages listed

    # The Developer Guide's role tables allow DeleteChannelMessage "only for sent messages", and let nobody
    # but the sender get a message that was never sent. The error is not named: any of the four modeled
    # client errors that fit (the message is not found by others, the caller may not, the request or the
    # message's state is wrong) conforms.
    @rule:FLOW-029 @op:DeleteChannelMessage @op:GetChannelMessageStatus
    Example: A failed message cannot be deleted, even by an AppInstanceAdmin
      When Ada deletes the message "Anyone there?" from "support"
      Then the request fails with NotFoundException, ForbiddenException, BadRequestException or ConflictException
      And Alice still reads the status of "Anyone there?" in "support" as FAILED

  @rule:FLOW-014 @op:SendChannelMessage @op:GetChannelMessageStatus @requires:processor:unreachable
  Rule: Messages sent after a flow is updated follow the new configuration

    Example: A new fallback action applies to the next message
      Given the channel flow "profanity-filter" runs the unreachable processor, falling back to ABORT
      And "support" is associated with the channel flow "profanity-filter"
      And the channel flow "profanity-filter" has been updated to the unreachable processor, falling back to CONTINUE
      When Alice posts "Still there?" in "support"
      Then Alice eventually reads the status of "Still there?" in "support" as SENT

  @rule:FLOW-029 @op:ListChannelMessages @requires:processor:slow-pass-through
  Rule: Other members see a message only once it has been processed
    # The API reference implies that a message reaches the channel's members once processed ("sent to the
    # recipients in the channel"); the Developer Guide states it: GetChannelMessage is "not allowed for
    # messages in processing by channel flow unless you are the message sender" (role tables), and the
    # PENDING and FAILED events go to the sender only ("Sending messages"). The slow-pass-through processor
    # answers only after a delay the target states: a listing made before then sees the message in processing.

    Background:
      Given "support" goes through the slow-pass-through processor
      And Alice has posted "Draft answer" in "support"

    Example: A message being processed is not listed to other members
      When Bob lists the messages in "support" before the processor answers
      Then "Draft answer" is not among the messages listed

    Example: A processed message is listed to other members
      Given "Draft answer" has been processed
      When Bob lists the messages in "support"
      Then "Draft answer" is listed with the status SENT

  @model @requires:processor:rewrite
  Rule: With several processors, a message goes through each in execution order
    # The model allows up to three processors per flow, the documentation only one (FLOW-002): on a
    # target that keeps the documented limit, these examples are not applicable.

    @rule:FLOW-003 @requires:processor-inspection @op:SendChannelMessage @requires:processor:pass-through
    Example: Two processors see a message in execution order
      Given "support" goes through these processors:
        | order | processor    | fallback |
        | 2     | rewrite      | ABORT    |
        | 1     | pass-through | ABORT    |
      When Alice posts "hello" in "support"
      Then the processors are invoked for "hello" in the order pass-through, rewrite

    @rule:FLOW-027 @op:GetChannelMessage @requires:processor:unreachable
    Example: An unreachable first processor that falls back to CONTINUE passes the message on
      Given "support" goes through these processors:
        | order | processor   | fallback |
        | 1     | unreachable | CONTINUE |
        | 2     | rewrite     | ABORT    |
      And Alice has posted "hello" in "support", which has been processed
      When Bob gets the message "hello" from "support"
      Then the message read has the content "HELLO" and the metadata "rewritten-by-processor"
