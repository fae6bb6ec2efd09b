@area:SESS @requires:messaging-session
Feature: Opening a messaging session
  An app's client opens a messaging session for its AppInstanceUser: it asks for the endpoint
  (GetMessagingSessionEndpoint), then connects to it with a presigned /connect request naming the user and
  a session ID. The service confirms the session with SESSION_ESTABLISHED; from then on the user receives
  the events of its channels as long as the connection stays open. The kit connects as each actor, as a
  client would; on the reference in process the same frames come without a socket.

  Background:
    Given Alice has created the public channel "book-club"
    And Bob is a member of "book-club"

  @rule:SESS-001 @op:GetMessagingSessionEndpoint
  Rule: A session is confirmed with SESSION_ESTABLISHED before anything else

    Example: The first event of a new session is SESSION_ESTABLISHED
      When Bob opens a messaging session
      Then the session is established before any other event

    Example: SESSION_ESTABLISHED carries no payload
      When Bob opens a messaging session
      Then the session established event carries no payload

  @rule:SESS-019 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: With prefetch on connect, the session first receives the details of the user's channels

    Example: The channel details follow SESSION_ESTABLISHED
      Given Alice has posted "Chapter 3 tonight?" in "book-club"
      When Bob opens a messaging session with prefetch on connect
      Then Bob receives the channel details of "book-club" after the session established event

    Example: The channel details carry the channel's latest messages
      Given Alice has posted "Chapter 3 tonight?" in "book-club"
      When Bob opens a messaging session with prefetch on connect
      Then the channel details of "book-club" that Bob receives include the message "Chapter 3 tonight?"

    Example: The channel details carry the channel's members
      When Bob opens a messaging session with prefetch on connect
      Then the channel details of "book-club" that Bob receives list Alice among the members

  # Reported real responses: a connect with an invalid user ARN opens, then closes with 4401
  # "Unauthorized" (aws/amazon-chime-sdk-js#1284, PR #2445).
  @rule:SESS-020 @op:GetMessagingSessionEndpoint
  Rule: A session for a user that does not exist is refused with 4401

    Example: An unknown user's connection is closed with 4401
      When a user that does not exist opens a messaging session
      Then the session is closed with the code 4401

  # No source says what becomes of a deleted user's connection. The guide lists 4003 (forbidden) among the
  # codes clients do not reconnect on, which suits a user that no longer exists: the kit decides so.
  @rule:SESS-021 @assumption @op:GetMessagingSessionEndpoint
  Rule: A deleted user's sessions are closed with 4003

    Example: Deleting a connected user closes its session
      Given Bob has a messaging session open
      When Bob's AppInstanceUser is deleted
      Then Bob's session is closed with the code 4003

  @rule:SESS-022 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: Every open session of a user receives its events

    Example: A user connected on two devices receives a message on both
      Given Bob has two messaging sessions open
      When Alice posts "See you both" in "book-club"
      Then each of Bob's sessions receives "See you both" from Alice
