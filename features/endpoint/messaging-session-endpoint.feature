@area:ENDP @op:GetMessagingSessionEndpoint
Feature: Messaging session endpoint
  Clients receive messages and status events over a websocket connection; GetMessagingSessionEndpoint
  tells them where to connect. It takes no parameters and no bearer: "the developer" below is the app's
  back end calling it. What travels over the websocket is beyond this kit.

  @rule:ENDP-001
  Rule: The endpoint is given without parameters and without a bearer

    Example: The endpoint has a URL
      When the developer asks for the messaging session endpoint
      Then the request succeeds
      And the endpoint's URL is not empty

  @rule:ENDP-002
  Rule: The endpoint is where a websocket connection is established

    @unverified
    Example: The URL is absolute
      # The kit has not confirmed the form of the URL the real service returns; the reference gives a
      # wss:// URL.
      When the developer asks for the messaging session endpoint
      Then the endpoint's URL is an absolute URL
