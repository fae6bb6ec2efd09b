@area:AUTH
Feature: Who may do what with messages
  Members post, read, edit and redact their own messages. Moderators may redact any message and read the
  channel, but posting is for members. Only AppInstanceAdmins may delete messages, and only the sender
  may ask for a message's status.

  @rule:AUTH-007 @op:DeleteChannelMessage
  Rule: Only AppInstanceAdmins may delete a message

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"
      And Bob has posted "Buy cheap watches" in "club"

    @op:GetChannelMessage
    Example: The sender may not delete their own message
      When Bob deletes the message "Buy cheap watches" from "club"
      Then the request fails with ForbiddenException
      And Bob's message "Buy cheap watches" is still in "club"

    @op:GetChannelMessage
    Example: A moderator may not delete a message
      When Max deletes the message "Buy cheap watches" from "club"
      Then the request fails with ForbiddenException
      And Bob's message "Buy cheap watches" is still in "club"

    @op:GetChannelMessage
    Example: An AppInstanceAdmin deletes a message
      When Ada deletes the message "Buy cheap watches" from "club"
      Then the request succeeds
      And Bob can no longer get the message "Buy cheap watches" from "club"

  @rule:AUTH-008 @op:GetChannelMessageStatus
  Rule: Only the sender may ask for the status of a message

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"
      And Bob has posted "Hello" in "club"

    Example: The sender asks for the status
      When Bob reads the status of "Hello" in "club"
      Then the request succeeds

    # No exemption for moderators or administrators is documented.
    Scenario Outline: <who> may not ask for the status of someone else's message
      When <actor> reads the status of "Hello" in "club"
      Then the request fails with ForbiddenException

      Examples:
        | who                               | actor |
        | Another member, who moderates too | Alice |
        | A moderator                       | Max   |
        | An AppInstanceAdmin               | Ada   |

  @rule:AUTH-020 @op:UpdateChannelMessage
  Rule: Members edit their own messages and nobody else's

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"
      And Bob has posted "Hello" in "club"

    @op:GetChannelMessage
    Example: The sender edits their message
      When Bob edits "Hello" to read "Hello, everyone"
      Then the request succeeds
      And Bob gets the message "Hello" from "club" with the content "Hello, everyone"

    @op:GetChannelMessage
    Scenario Outline: <who> may not edit someone else's message
      When <actor> edits "Hello" to read "Goodbye"
      Then the request fails with ForbiddenException
      And Bob gets the message "Hello" from "club" with the content "Hello"

      Examples:
        | who                               | actor |
        | Another member, who moderates too | Alice |
        | A moderator                       | Max   |
        | An AppInstanceAdmin               | Ada   |

  @rule:AUTH-017 @op:RedactChannelMessage
  Rule: Moderators may redact other users' messages; members may not

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"
      And Alice has posted "Spoiler: the butler did it" in "club"

    @op:GetChannelMessage
    Example: A moderator redacts another user's message
      When Max redacts the message "Spoiler: the butler did it" in "club"
      Then the request succeeds
      And Alice's message "Spoiler: the butler did it" in "club" is redacted

    @op:GetChannelMessage
    Example: A member may not redact someone else's message
      When Bob redacts the message "Spoiler: the butler did it" in "club"
      Then the request fails with ForbiddenException
      And Alice's message "Spoiler: the butler did it" in "club" is not redacted

  # The Developer Guide's role table for members gives RedactChannelMessage as "Allowed with restriction:
  # You can only redact your own messages" (https://docs.aws.amazon.com/chime-sdk/latest/dg/auth-by-role.html);
  # a user who is not a member is denied it. The API reference is silent; the kit used to refuse it.
  @rule:AUTH-025 @op:RedactChannelMessage
  Rule: A member may redact the messages it sent, and only those

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Carol is a member of "club"
      And Bob has posted "I said too much" in "club"

    @op:GetChannelMessage
    Example: A member redacts its own message
      When Bob redacts the message "I said too much" in "club"
      Then the request succeeds
      And Bob's message "I said too much" in "club" is redacted

    @op:GetChannelMessage
    Example: Another member may not redact it
      When Carol redacts the message "I said too much" in "club"
      Then the request fails with ForbiddenException
      And Bob's message "I said too much" in "club" is not redacted

    @op:DeleteChannelMembership @op:GetChannelMessage
    Example: A sender who has left the channel may no longer redact its message
      Given Bob has been removed from "club"
      When Bob redacts the message "I said too much" in "club"
      Then the request fails with ForbiddenException
      And Bob's message "I said too much" in "club" is not redacted

  @rule:AUTH-018 @op:ListChannelMessages
  Rule: A moderator may read a private channel without being a member

    Example: A moderator who is not a member lists the messages
      Given Alice has created the private channel "diary"
      And Max is a moderator of "diary"
      And Alice has posted "Dear diary" in "diary"
      When Max lists the messages in "diary"
      Then he sees "Dear diary" from Alice

  # The Developer Guide's role tables give SendChannelMessage to moderators and AppInstanceAdmins "with
  # restriction": "You first need to use CreateChannelMembership to create a membership for yourself"
  # (https://docs.aws.amazon.com/chime-sdk/latest/dg/auth-by-role.html).
  @rule:AUTH-023 @op:SendChannelMessage
  Rule: Posting is for members: moderators and administrators who are not members may not post

    Background:
      Given Alice has created the public channel "club"

    Example: A moderator who is not a member may not post
      Given Max is a moderator of "club"
      When Max posts "Please keep it civil" in "club"
      Then the request fails with ForbiddenException

    Example: An AppInstanceAdmin who is not a member may not post
      When Ada posts "Maintenance tonight" in "club"
      Then the request fails with ForbiddenException

    Example: An AppInstanceAdmin posts once a member
      Given Ada is a member of "club"
      When Ada posts "Maintenance tonight" in "club"
      Then the request succeeds
