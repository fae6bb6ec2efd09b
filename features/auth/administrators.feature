@area:AUTH
Feature: AppInstanceAdmins may do what moderators do
  An AppInstanceAdmin may perform every channel moderator action on every channel of its AppInstance,
  without being made a moderator or a member of the channel.

  # The messaging documentation says "administrators or channel moderators" throughout; the identity
  # model states the rule: admins may perform «ChannelModerator actions across all channels in the
  # AppInstance».
  @rule:AUTH-024 @model
  @op:CreateChannelMembership @op:DeleteChannelMembership @op:CreateChannelModerator
  @op:DeleteChannelModerator @op:CreateChannelBan @op:DeleteChannelBan @op:RedactChannelMessage
  @op:ListChannelMessages
  Rule: An AppInstanceAdmin performs moderator actions on a channel it neither moderates nor belongs to

    Background:
      Given Alice has created the private restricted channel "club"
      And Bob is a member of "club"
      And Mallory is banned from "club"
      And Alice has posted "Spoiler: the butler did it" in "club"

    Scenario Outline: An AppInstanceAdmin <action>
      When Ada <does it>
      Then the request succeeds

      Examples:
        | action                                | does it                                                        |
        | adds a member to a restricted channel | adds Carol to "club"                                           |
        | adds a hidden member                  | adds Carol to "club" as a hidden member                        |
        | removes a member                      | removes Bob from "club"                                        |
        | makes a user a moderator              | makes Carol a moderator of "club"                              |
        | removes a moderator                   | removes Alice as a moderator of "club"                         |
        | bans a user                           | bans Bob from "club"                                           |
        | lifts a ban                           | lifts the ban on Mallory in "club"                             |
        | redacts a message                     | redacts Alice's message "Spoiler: the butler did it" in "club" |
        | reads a private channel               | lists the messages in "club"                                   |
