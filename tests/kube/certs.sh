#!/usr/bin/env bash
# Make the test cluster's certificates with openssl into $KUBE_STATE_DIR/pki: a CA; serving
# certificates for the API server (127.0.0.1 and the in-cluster names), kwok and the real node's
# kubelet; client certificates for the admin, the API server's calls to kubelets and the real
# node's kubelet; the service-account signing key pair. Existing files are kept.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

mkdir -p "$PKI"
cd "$PKI"
DAYS=30

key() { [ -f "$1.key" ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }

# $1: file stem, $2: subject, $3: extended key usage, $4: subjectAltName (optional).
signed_cert() {
  [ -f "$1.crt" ] && return 0
  key "$1"
  local ext="basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=$3"
  [ -n "${4:-}" ] && ext+=$'\n'"subjectAltName=$4"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days "$DAYS" \
    -extfile <(printf '%s\n' "$ext") -out "$1.crt" 2>/dev/null
  rm -f "$1.csr"
}

if [ ! -f ca.crt ]; then
  key ca
  openssl req -x509 -new -key ca.key -subj "/CN=dockside-test-ca" -days "$DAYS" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out ca.crt 2>/dev/null
fi
# 10.96.0.1 is the kubernetes Service's cluster IP (first address of the service range).
signed_cert apiserver "/CN=kube-apiserver" serverAuth \
  "IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
# kwok answers the API server's log requests for its simulated nodes on 127.0.0.1.
signed_cert kwok "/CN=kwok" serverAuth "IP:127.0.0.1,DNS:localhost"
signed_cert admin "/O=system:masters/CN=kubernetes-admin" clientAuth
signed_cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
signed_cert "kubelet-$NODE_NAME" "/O=system:nodes/CN=system:node:$NODE_NAME" clientAuth
signed_cert kubelet-serving "/CN=$NODE_NAME" serverAuth "IP:$NODE_IP,DNS:$NODE_NAME"
if [ ! -f sa.key ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key 2>/dev/null
  openssl pkey -in sa.key -pubout -out sa.pub
fi
chmod 600 ./*.key
