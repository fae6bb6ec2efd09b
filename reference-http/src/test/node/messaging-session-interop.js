'use strict';
// The Amazon Chime SDK for JavaScript's DefaultMessagingSession against a server speaking the Chime SDK
// Messaging API over plain HTTP (the kit's reference server). Run by JsSdkInteropTest:
//   node messaging-session-interop.js <apiEndpoint> <senderArn> <receiverArn> <channelArn>
// Prints one JSON line, the summary the test asserts on, and exits 0; exits 1 with a message otherwise.
const { WebSocket: NodeWebSocket } = require('ws');
const {
  ChimeSDKMessagingClient,
  SendChannelMessageCommand,
} = require('@aws-sdk/client-chime-sdk-messaging');
const {
  DefaultMessagingSession,
  MessagingSessionConfiguration,
  ConsoleLogger,
  LogLevel,
} = require('amazon-chime-sdk-js');

const [apiEndpoint, senderArn, receiverArn, channelArn] = process.argv.slice(2);
const WAIT_MS = 15000;

// The SDK dials wss:// + Endpoint.Url + /connect. The server under test speaks plain HTTP, so the socket
// it creates is a ws socket to the same host and path: the scheme is the only thing changed.
class PlainWebSocket extends NodeWebSocket {
  constructor(url, protocols) {
    super(String(url).replace(/^wss:\/\//, 'ws://'), protocols);
  }
}
globalThis.WebSocket = PlainWebSocket;
if (typeof globalThis.CloseEvent === 'undefined') {
  // Node 20 has none; the SDK builds one when an endpoint lookup fails.
  globalThis.CloseEvent = class CloseEvent {
    constructor(type, init = {}) {
      this.type = type;
      this.code = init.code;
      this.reason = init.reason;
      this.wasClean = Boolean(init.wasClean);
    }
  };
}
// A failed reconnect rejects a promise nobody awaits; report it instead of dying without a word.
process.on('unhandledRejection', (reason) => fail('unhandled rejection: ' + describe(reason)));

function describe(value) {
  if (value && typeof value === 'object' && 'code' in value) {
    return 'close ' + value.code + ' ' + (value.reason || '');
  }
  return String(value && value.stack ? value.stack : value);
}

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(1);
}

function withTimeout(promise, what) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out: ' + what)), WAIT_MS)),
  ]);
}

const client = new ChimeSDKMessagingClient({
  region: 'us-east-1',
  endpoint: apiEndpoint,
  credentials: { accessKeyId: 'AKIDCHIMECONFORMANCE', secretAccessKey: 'chime-conformance-dummy-secret' },
});

function open(userArn, name) {
  const configuration = new MessagingSessionConfiguration(userArn, null, undefined, client);
  const session = new DefaultMessagingSession(configuration, new ConsoleLogger(name, LogLevel.WARN));
  const received = [];
  const waiters = [];
  session.addObserver({
    messagingSessionDidReceiveMessage(message) {
      received.push({
        type: message.type,
        messageType: message.headers ? message.headers['x-amz-chime-message-type'] : undefined,
        payload: message.payload ? JSON.parse(message.payload) : null,
      });
      waiters.splice(0).forEach((wake) => wake());
    },
  });
  const until = (predicate, what) => withTimeout(new Promise((resolve) => {
    const check = () => {
      const found = received.find(predicate);
      if (found) {
        resolve(found);
      } else {
        waiters.push(check);
      }
    };
    check();
  }), what);
  return { session, received, until };
}

async function main() {
  const receiver = open(receiverArn, 'receiver');
  const sender = open(senderArn, 'sender');
  await withTimeout(receiver.session.start(), 'the receiver session to start');
  await withTimeout(sender.session.start(), 'the sender session to start');

  const persistent = 'Hello from the Amazon Chime SDK for JavaScript';
  const transient = 'typing...';
  const sent = await client.send(new SendChannelMessageCommand({
    ChannelArn: channelArn, Content: persistent, Type: 'STANDARD', Persistence: 'PERSISTENT',
    ChimeBearer: senderArn, ClientRequestToken: 'js-interop-1',
  }));
  const created = await receiver.until((m) => m.type === 'CREATE_CHANNEL_MESSAGE'
      && m.payload && m.payload.MessageId === sent.MessageId, 'the persistent message at the receiver');
  const echoed = await sender.until((m) => m.type === 'CREATE_CHANNEL_MESSAGE'
      && m.payload && m.payload.MessageId === sent.MessageId, 'the persistent message at the sender');
  await client.send(new SendChannelMessageCommand({
    ChannelArn: channelArn, Content: transient, Type: 'STANDARD', Persistence: 'NON_PERSISTENT',
    ChimeBearer: senderArn, ClientRequestToken: 'js-interop-2',
  }));
  const nonPersistent = await receiver.until((m) => m.type === 'CREATE_CHANNEL_MESSAGE'
      && m.payload && m.payload.Content === transient, 'the non-persistent message at the receiver');

  receiver.session.stop();
  sender.session.stop();
  process.stdout.write(JSON.stringify({
    receiverFirstEvent: receiver.received[0] ? receiver.received[0].type : null,
    sentMessageId: sent.MessageId,
    persistent: created,
    echoedToSender: Boolean(echoed),
    nonPersistent,
  }) + '\n');
  process.exit(0);
}

main().catch((error) => fail(describe(error)));
