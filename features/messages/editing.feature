@area:MSG
Feature: Editing messages
  The sender of a message can change its content and its metadata. Readers always get the latest
  version, only once, and a message shows when it was last edited.

  Background:
    Given Alice has created the public channel "lobby"
    And Bob is a member of "lobby"
    And Bob has posted "See you at 5" in "lobby"

  @rule:MSG-009
  Rule: The sender can change the content of a message

    @op:UpdateChannelMessage
    Example: The sender edits a message
      When Bob edits "See you at 5" to read "See you at 6"
      Then the edit of "See you at 5" is accepted with a status

    @op:GetChannelMessage
    Example: Readers get the new content
      Given Bob has edited "See you at 5" to read "See you at 6"
      When Alice gets the message "See you at 5" from "lobby"
      Then she reads "See you at 6"

  @rule:MSG-010 @op:GetChannelMessage
  Rule: Metadata given in an edit replaces the metadata of the message

    Example: New metadata replaces the old
      Given Bob has posted "Poll: tea or coffee?" in "lobby" with the metadata:
        """
        {"closes":"friday"}
        """
      And Bob has edited "Poll: tea or coffee?" to read "Poll: tea, coffee or juice?" with the metadata:
        """
        {"closes":"monday"}
        """
      When Alice gets the message "Poll: tea or coffee?" from "lobby"
      Then the message's metadata is exactly:
        """
        {"closes":"monday"}
        """

  @rule:MSG-011 @assumption @op:GetChannelMessage
  Rule: What an edit leaves out stays as it was
    # The documentation makes both Content and Metadata optional in an edit, and does not say whether
    # leaving one out clears it. The kit expects it to stay as it was.

    Background:
      Given Bob has posted "Poll: tea or coffee?" in "lobby" with the metadata:
        """
        {"closes":"friday"}
        """

    Example: An edit of the content alone keeps the metadata
      Given Bob has edited "Poll: tea or coffee?" to read "Poll: tea, coffee or juice?"
      When Alice gets the message "Poll: tea or coffee?" from "lobby"
      Then the message's metadata is exactly:
        """
        {"closes":"friday"}
        """

    Example: An edit of the metadata alone keeps the content
      Given Bob has changed only the metadata of "Poll: tea or coffee?" to:
        """
        {"closes":"monday"}
        """
      When Alice gets the message "Poll: tea or coffee?" from "lobby"
      Then she reads "Poll: tea or coffee?"

  @rule:MSG-012
  Rule: A message shows when it was last edited, once it has been

    @op:GetChannelMessage
    Example: A message never edited has no edit time
      When Alice gets the message "See you at 5" from "lobby"
      Then the message has no edit time

    @op:GetChannelMessage
    Example: An edited message has an edit time
      Given Bob has edited "See you at 5" to read "See you at 6"
      When Alice gets the message "See you at 5" from "lobby"
      Then the message's edit time is no earlier than its creation time

    @op:ListChannelMessages
    Example: An edited message is listed with its edit time
      Given Bob has edited "See you at 5" to read "See you at 6"
      When Alice lists the messages in "lobby"
      Then the message "See you at 5" is listed with an edit time no earlier than its creation time

  @rule:MSG-013 @op:GetChannelMessage
  Rule: An edit moves the message's last-update time forward

    Example: An edited message was last updated after it was created
      Given Bob has edited "See you at 5" to read "See you at 6"
      When Alice gets the message "See you at 5" from "lobby"
      Then the message's last update time is later than its creation time

  @rule:MSG-014 @op:ListChannelMessages
  Rule: Listing shows only the latest version of an edited message

    Example: A message edited twice is listed once, as last edited
      Given Bob has edited "See you at 5" to read "See you at 6"
      And Bob has edited "See you at 5" to read "See you at 7"
      When Alice lists the messages in "lobby"
      Then she sees only "See you at 7"
