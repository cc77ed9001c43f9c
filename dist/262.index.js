export const id = 262;
export const ids = [262];
export const modules = {

/***/ 2262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nodeTransport: () => (/* binding */ nodeTransport)
/* harmony export */ });
const modules = {};
/** Loaded once, on the first request: https for the service, http for a local emulator. */
function moduleFor(protocol) {
    return (modules[protocol] ??= protocol === 'https:' ? Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23)));
}
/**
 * A direct connection through Node's http or https module and its default agent, which keeps
 * connections alive between polls and closes them before the server's keep-alive hint runs out.
 */
const nodeTransport = async ({ url, method, headers, body, signal }) => {
    const { request } = await moduleFor(url.protocol);
    return new Promise((resolve, reject) => {
        const outgoing = request(url, { method, headers, signal }, (incoming) => {
            const chunks = [];
            incoming.on('data', (chunk) => chunks.push(chunk));
            incoming.on('error', reject);
            incoming.on('end', () => resolve({
                status: incoming.statusCode ?? 0,
                headers: incoming.headers,
                body: Buffer.concat(chunks).toString('utf8'),
            }));
        });
        outgoing.on('error', reject);
        outgoing.end(body);
    });
};


/***/ })

};
