"""Channel-flow processor of chime-conformance: lets every message through unchanged.

It answers the service with the MessageId only, as the reference's pass-through processor does: no
Content, no Metadata, DeleteResource left out (false). The kit deploys it for one run and deletes it after.
"""
import boto3

# Created once per execution environment, not per message.
_messaging = boto3.client("chime-sdk-messaging")


def handler(event, context):
    message = event["ChannelMessage"]
    _messaging.channel_flow_callback(
        CallbackId=event["CallbackId"],
        ChannelArn=message["ChannelArn"],
        ChannelMessage={"MessageId": message["MessageId"]},
    )
