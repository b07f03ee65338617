// The page's #v= encoding (web/address.js), written for Node so tests build links the same way.
export function encodeVisitForTest(visit) {
  return Buffer.from(JSON.stringify(visit), "utf8").toString("base64url");
}
