@area:FLOW @requires:processor:slow-pass-through
Feature: Reading a message that is being processed
  While a channel flow's processor works on a message, the message is its sender's alone: other
  members cannot get it until it has been processed. The Developer Guide's table of permissions by role
  says GetChannelMessage is "not allowed for messages in processing by channel flow unless you are the
  message sender". Here the flow runs the slow-pass-through processor, which changes nothing but answers
  only after a delay the target states, so that a read made before it answers sees the message still
  being processed, on every target.

  @rule:FLOW-029 @op:GetChannelMessage
  Rule: Only the sender gets a message that is still being processed

    Background:
      Given Alice has created the public channel "support"
      And Bob is a member of "support"
      And "support" goes through the slow-pass-through processor
      And Alice has posted "Draft answer" in "support"

    # The guide names no error. NotFound (the message is not there for Bob) and Forbidden (he may not
    # read it) both say so, and the model lists both for GetChannelMessage.
    Example: Another member may not get a message being processed
      When Bob gets the message "Draft answer" from "support" before the processor answers
      Then the request fails with NotFoundException or ForbiddenException

    Example: The sender gets her message while it is being processed
      When Alice gets the message "Draft answer" from "support" before the processor answers
      Then the message status is PENDING

    Example: Another member gets the message once it has been processed
      Given "Draft answer" has been processed
      When Bob gets the message "Draft answer" from "support"
      Then the message status is SENT
