"""Verify a Promotion Gates attestation with securesystemslib; print its files as sha256sum does.

Usage: /usr/bin/python3 verify-attestation.py ATTESTATION.intoto.json controller.pem
Exit status: 0 verified, 1 refused, 2 unreadable input.
Needs Debian's python3-securesystemslib (0.26, which has no DSSE module: PAE is built below,
as the DSSE protocol defines it) and python3-cryptography, which it depends on.
"""
import base64
import json
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from securesystemslib import exceptions, keys
from securesystemslib.signer import Signature, SSlibKey

PAYLOAD_TYPE = "application/vnd.in-toto+json"
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1"


def refuse(reason):
    print("refused: " + reason, file=sys.stderr)
    sys.exit(1)


def b64decode(text):
    """DSSE allows standard and URL-safe base64."""
    text = text.replace("-", "+").replace("_", "/")
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def pae(payload_type, body):
    """DSSEv1 SP LEN(type) SP type SP LEN(body) SP body."""
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(kind), kind, len(body), body)


def controller_key(pem_path):
    """The controller's PEM public key as a securesystemslib key, its keyid computed by securesystemslib."""
    with open(pem_path, "rb") as pem:
        public = serialization.load_pem_public_key(pem.read())
    if not isinstance(public, ed25519.Ed25519PublicKey):
        print(pem_path + " is not an Ed25519 public key", file=sys.stderr)
        sys.exit(2)
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key_dict, _ = keys.format_metadata_to_key(
        {"keytype": "ed25519", "scheme": "ed25519", "keyval": {"public": raw.hex()}})
    return SSlibKey.from_securesystemslib_key(key_dict)


def main(envelope_path, pem_path):
    key = controller_key(pem_path)
    try:
        with open(envelope_path, "rb") as file:
            envelope = json.load(file)
        body = b64decode(envelope["payload"])
        payload_type = envelope["payloadType"]
        signatures = envelope["signatures"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        print(envelope_path + " is not a DSSE envelope: " + repr(e), file=sys.stderr)
        sys.exit(2)
    message = pae(payload_type, body)
    verified = False
    for sig in signatures:
        try:
            signature = Signature(sig.get("keyid", ""), b64decode(sig["sig"]).hex())
            key.verify_signature(signature, message)
            verified = True
            break
        except (exceptions.UnverifiedSignatureError, ValueError, KeyError):
            continue
    if not verified:
        refuse("no signature verifies with key " + key.keyid)
    if payload_type != PAYLOAD_TYPE:
        refuse("payload type is " + payload_type)
    statement = json.loads(body)
    if statement.get("_type") != STATEMENT_TYPE or statement.get("predicateType") != PREDICATE_TYPE:
        refuse("not an in-toto Statement v1 with a SLSA Verification Summary v1")
    if statement["predicate"].get("verificationResult") != "PASSED":
        refuse("verification result is not PASSED")
    print("verified: signed by keyid " + key.keyid, file=sys.stderr)
    for subject in statement["subject"]:
        print(subject["digest"]["sha256"] + "  " + subject["name"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2])
