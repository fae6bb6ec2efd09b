@area:AUTH
Feature: Who may do what with messages
  Members post, read, and edit their own messages. Moderators may redact any message and read the
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

  # Whether a sender may redact their own message is not documented, so it is not asserted.
  @rule:AUTH-017 @op:RedactChannelMessage
  Rule: Moderators may redact other users' messages; members may not

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"
      And Alice has posted "Spoiler: the butler did it" in "club"

    Example: A moderator redacts another user's message
      When Max redacts the message "Spoiler: the butler did it" in "club"
      Then the request succeeds

    @op:GetChannelMessage
    Example: A member may not redact someone else's message
      When Bob redacts the message "Spoiler: the butler did it" in "club"
      Then the request fails with ForbiddenException
      And Alice's message "Spoiler: the butler did it" in "club" is not redacted

  @rule:AUTH-018 @op:ListChannelMessages
  Rule: A moderator may read a private channel without being a member

    Example: A moderator who is not a member lists the messages
      Given Alice has created the private channel "diary"
      And Max is a moderator of "diary"
      And Alice has posted "Dear diary" in "diary"
      When Max lists the messages in "diary"
      Then he sees "Dear diary" from Alice

  @rule:AUTH-023 @op:SendChannelMessage
  Rule: Posting is for members: moderators and administrators who are not members may not post

    Background:
      Given Alice has created the public channel "club"

    Example: A moderator who is not a member may not post
      Given Max is a moderator of "club"
      When Max posts "Please keep it civil" in "club"
      Then the request fails with ForbiddenException

    # Administrators get the moderators' rights, and posting is not among them; that an administrator
    # who is not a member may not post is the kit's reading.
    @assumption
    Example: An AppInstanceAdmin who is not a member may not post
      When Ada posts "Maintenance tonight" in "club"
      Then the request fails with ForbiddenException
