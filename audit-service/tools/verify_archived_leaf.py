#!/usr/bin/env python3
"""Checks one archived audit event against a signed checkpoint of the audit log.

    verify_archived_leaf.py MANIFEST LEAF_INDEX [--log URL [--token T]] [--checkpoint NOTE] [--proof JSON]

MANIFEST is the archive's manifest file (events-<first>-<last>.manifest.json), next to its
archive file. The script checks, printing each step:

1. the archive file's SHA-256 is the manifest's;
2. the leaf's hash, SHA-256(0x00 || leaf), from the archive line of LEAF_INDEX;
3. the checkpoint (the one in the manifest, or the signed note in NOTE, e.g. saved from
   GET /api/audit/checkpoint) is signed by the manifest's checkpoint key (with openssl);
   compare the printed key ID with the one the log publishes (GET /api/audit/public-key);
4. the inclusion proof (from GET <URL>/api/audit/proofs/inclusion, or the saved answer in
   JSON) leads from the leaf hash to the checkpoint's root hash, as RFC 9162 2.1.3.2 says.

Needs only Python 3 and the openssl command. Exit status 0 when everything verifies.
"""
import argparse
import base64
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request


def sha256(data):
    return hashlib.sha256(data).digest()


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def archived_leaf(path, leaf_index):
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            if entry["leafIndex"] == leaf_index:
                return base64.b64decode(entry["leaf"])
    fail("leaf %d is not in %s" % (leaf_index, path))


def parse_note(note):
    """The signed text, tree size, root hash, key ID and signature of a checkpoint note."""
    text, _, signatures = note.partition("\n\n")
    text += "\n"
    lines = text.split("\n")
    signature_line = signatures.strip().split("\n")[0]
    key_and_signature = base64.b64decode(signature_line.rsplit(" ", 1)[1])
    return text, int(lines[1]), base64.b64decode(lines[2]), key_and_signature[:4], key_and_signature[4:]


def verify_signature(text, signature, public_key_der):
    with tempfile.TemporaryDirectory() as work:
        paths = {name: os.path.join(work, name) for name in ("key.der", "text", "signature")}
        for name, data in (("key.der", public_key_der), ("text", text.encode("utf-8")), ("signature", signature)):
            with open(paths[name], "wb") as out:
                out.write(data)
        result = subprocess.run(["openssl", "dgst", "-sha256", "-keyform", "DER", "-verify", paths["key.der"],
                                 "-signature", paths["signature"], paths["text"]], capture_output=True, text=True)
        return result.returncode == 0


def verify_inclusion(leaf_hash, leaf_index, tree_size, path, root):
    """RFC 9162 2.1.3.2."""
    if leaf_index >= tree_size:
        return False
    fn, sn, r = leaf_index, tree_size - 1, leaf_hash
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = sha256(b"\x01" + p + r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = sha256(b"\x01" + r + p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("manifest")
    arguments.add_argument("leaf_index", type=int)
    arguments.add_argument("--log", help="base URL of the audit log, e.g. http://127.0.0.1:8080")
    arguments.add_argument("--checkpoint", help="a signed checkpoint note to verify against instead of the manifest's")
    arguments.add_argument("--proof", help="a saved answer of /api/audit/proofs/inclusion")
    arguments.add_argument("--token", help="a bearer token, if the log is reached through the gateway")
    options = arguments.parse_args()

    with open(options.manifest, encoding="utf-8") as source:
        manifest = json.load(source)
    archive = os.path.join(os.path.dirname(os.path.abspath(options.manifest)), manifest["file"])
    with open(archive, "rb") as source:
        digest = hashlib.sha256(source.read()).hexdigest()
    if digest != manifest["sha256"]:
        fail("the archive's SHA-256 is %s, the manifest says %s" % (digest, manifest["sha256"]))
    print("1. archive %s: SHA-256 %s as recorded" % (manifest["file"], digest))

    leaf = archived_leaf(archive, options.leaf_index)
    leaf_hash = sha256(b"\x00" + leaf)
    print("2. leaf %d: %s\n   leaf hash %s" % (options.leaf_index, leaf.decode("utf-8"), base64.b64encode(leaf_hash).decode()))

    if options.checkpoint:
        with open(options.checkpoint, encoding="utf-8") as source:
            note = source.read()
    else:
        note = manifest["checkpoint"]["note"]
    text, tree_size, root, key_id, signature = parse_note(note)
    public_key = base64.b64decode(manifest["checkpointKey"]["publicKey"])
    if key_id != sha256(public_key)[:4]:
        fail("the checkpoint names key %s, not the manifest's key %s" % (key_id.hex(), sha256(public_key)[:4].hex()))
    if not verify_signature(text, signature, public_key):
        fail("the checkpoint's signature does not verify")
    print("3. checkpoint of %d leaves, root %s: signed by key %s" % (tree_size, base64.b64encode(root).decode(), key_id.hex()))

    if options.proof:
        with open(options.proof, encoding="utf-8") as source:
            proof = json.load(source)
    elif options.log:
        url = "%s/api/audit/proofs/inclusion?leafIndex=%d&treeSize=%d" % (options.log.rstrip("/"), options.leaf_index, tree_size)
        request = urllib.request.Request(url)
        if options.token:
            request.add_header("Authorization", "Bearer " + options.token)
        with urllib.request.urlopen(request) as response:
            proof = json.load(response)
    else:
        fail("give --log or --proof for the inclusion proof")
    if proof["leafIndex"] != options.leaf_index or proof["treeSize"] != tree_size:
        fail("the proof is for leaf %d in %d leaves" % (proof["leafIndex"], proof["treeSize"]))
    path = [base64.b64decode(node) for node in proof["auditPath"]]
    if not verify_inclusion(leaf_hash, options.leaf_index, tree_size, path, root):
        fail("the inclusion proof does not lead to the checkpoint's root")
    print("4. inclusion proof of %d hashes: leaf %d is in the signed tree" % (len(path), options.leaf_index))


if __name__ == "__main__":
    main()
