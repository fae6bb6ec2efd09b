"""Channel-flow processor of chime-conformance: denies every message.

It answers the service with DeleteResource=true and the MessageId, as the reference's deny processor
does. The kit deploys it for one run and deletes it after.
"""
import boto3

# Created once per execution environment, not per message.
_messaging = boto3.client("chime-sdk-messaging")


def handler(event, context):
    message = event["ChannelMessage"]
    _messaging.channel_flow_callback(
        CallbackId=event["CallbackId"],
        ChannelArn=message["ChannelArn"],
        DeleteResource=True,
        ChannelMessage={"MessageId": message["MessageId"]},
    )
