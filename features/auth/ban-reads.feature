@area:AUTH
Feature: Who may read the bans of a channel
  Moderators and AppInstanceAdmins read a channel's bans. Members and users outside the channel may
  not: the Developer Guide's table of permissions by role denies them DescribeChannelBan and
  ListChannelBans, on public channels as on private ones.

  @rule:AUTH-016
  Rule: Users outside a channel may not read its bans

    Background:
      Given Alice has created the public channel "club"
      And Mallory is banned from "club"

    @op:ListChannelBans
    Example: A user outside the channel may not list the bans
      When Carol lists the bans of "club"
      Then the request fails with ForbiddenException

    @op:DescribeChannelBan
    Example: A user outside the channel may not describe a ban
      When Carol describes the ban on Mallory in "club"
      Then the request fails with ForbiddenException

    @op:ListChannelBans
    Example: A moderator lists the bans
      Given Max is a moderator of "club"
      When Max lists the bans of "club"
      Then the users listed as banned are exactly Mallory
