@area:MSG
Feature: Deleting messages
  An AppInstanceAdmin can delete a message. Deletion takes effect at once: the message can no longer be
  read, listed, edited or redacted, and no version of it, earlier or later, remains visible.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"
    And Bob has posted "Cheap watches here" in "lobby"

  @rule:MSG-015
  Rule: Deletion makes a message inaccessible immediately

    @op:DeleteChannelMessage @op:GetChannelMessage
    Example: An AppInstanceAdmin deletes a message
      When Ada deletes the message "Cheap watches here" from "lobby"
      Then the request succeeds
      And Bob can no longer get the message "Cheap watches here" from "lobby"

    @op:GetChannelMessage
    Example: A deleted message cannot be read
      Given Ada has deleted the message "Cheap watches here" from "lobby"
      When Bob gets the message "Cheap watches here" from "lobby"
      Then the request fails with NotFoundException

    @op:UpdateChannelMessage
    Example: A deleted message cannot be edited
      Given Ada has deleted the message "Cheap watches here" from "lobby"
      When Bob edits "Cheap watches here" to read "Fine watches here"
      Then the request fails with NotFoundException or ForbiddenException

    @op:RedactChannelMessage
    Example: A deleted message cannot be redacted
      Given Max is a moderator of "lobby"
      And Ada has deleted the message "Cheap watches here" from "lobby"
      When Max redacts the message "Cheap watches here" in "lobby"
      Then the request fails with NotFoundException or ForbiddenException

  @rule:MSG-016 @op:ListChannelMessages
  Rule: Deleted messages are not listed

    Scenario Outline: A deleted message is on no page, <order>
      Given Bob has posted these messages in "lobby", one after another:
        | Anyone here? |
        | Hello?       |
      And Ada has deleted the message "Cheap watches here" from "lobby"
      When Bob pages through the messages in "lobby" <order>, 1 at a time
      Then he sees only "Anyone here?" and "Hello?"

      Examples:
        | order        |
        | oldest first |
        | newest first |

  @rule:MSG-017 @op:ListChannelMessages
  Rule: No version of a deleted message remains visible
    # "A background process deletes any revisions created by UpdateChannelMessage": when is not
    # documented, so the kit polls the list up to the target's consistency bound.

    @op:DeleteChannelMessage
    Example: Neither the original nor the edit of a deleted message is listed
      Given Bob has edited "Cheap watches here" to read "Fine watches here"
      When Ada deletes the message "Cheap watches here" from "lobby"
      Then Bob eventually finds no message in "lobby"
