// A self-signed certificate for feed.test and 127.0.0.1, valid until 2126, for TLS tests only.
// Generated with: openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
//   -subj /CN=feed.test -addext subjectAltName=DNS:feed.test,IP:127.0.0.1
// The key protects nothing: never use it outside tests.
export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUGtB4kYIOFR579A3sn8fql/SKWtMwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJZmVlZC50ZXN0MCAXDTI2MTEyNzA0MTU1N1oYDzIxMjYxMTAz
MDQxNTU3WjAUMRIwEAYDVQQDDAlmZWVkLnRlc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAR65NvnUXOzzRbT9Nperp/osDfuyAuSdXXZ+YTg/0SuDSZAW9BYn4JE
stsKbqwQVk4NIt3z6TsgYzY/+0SvUOQOo28wbTAdBgNVHQ4EFgQURFC1HT9aat4+
Wk238rQ56Qed/y0wHwYDVR0jBBgwFoAURFC1HT9aat4+Wk238rQ56Qed/y0wDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglmZWVkLnRlc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSAAwRQIhAKS6K80yv7yE9KmtTb/1Wz//htTxypcD9BMn678ozwkzAiBO
RyiZdSGhejANKJu8zYuABON8eWSM1bJKw0WvropppQ==
-----END CERTIFICATE-----
`;

export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHizlbNyGjNze11eq
8VH3trqDQWEHQQv+cDnEqF1nyPihRANCAAR65NvnUXOzzRbT9Nperp/osDfuyAuS
dXXZ+YTg/0SuDSZAW9BYn4JEstsKbqwQVk4NIt3z6TsgYzY/+0SvUOQO
-----END PRIVATE KEY-----
`;
