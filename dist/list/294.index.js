export const id = 294;
export const ids = [294];
export const modules = {

/***/ 8282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ callName),
/* harmony export */   g: () => (/* binding */ MAX_ANSWER_BYTES)
/* harmony export */ });
/**
 * The most of an answer that is read. The largest the API sends, a page of 100 jobs, is some
 * 150 KB; anything past 1 MiB is not an answer to act on, and reading it all could exhaust memory.
 */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** How messages name a request: `GET /inventorytriggerjob/<id>`. */
function callName(method, url) {
    return `${method} ${url.pathname}`;
}


/***/ }),

/***/ 294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   undiciTransport: () => (/* binding */ undiciTransport)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9497);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8282);



/**
 * Every request of the step through one undici `EnvHttpProxyAgent`: direct or through the proxy
 * the environment names, keeping connections alive between polls, reading at most
 * MAX_ANSWER_BYTES of an answer (undici's `maxResponseSize` aborts the request past that).
 */
function undiciTransport(options = {}) {
    // Errors of connections to a proxy, so that a message names the proxy rather than the endpoint.
    const proxyOf = new WeakMap();
    // Hosts that answered in this step: a name of theirs that does not resolve later is a passing
    // fault of the runner's DNS, not a typo.
    const answered = new Set();
    const dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__.EnvHttpProxyAgent({
        maxResponseSize: _http_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ANSWER_BYTES */ .g,
        // How names are resolved (tests give a resolver of their own); by default Node's.
        ...(options.lookup ? { connect: { lookup: options.lookup } } : {}),
        // Called for the connections to the proxy only; the pool is undici's default one.
        clientFactory: (proxy, options) => new undici__WEBPACK_IMPORTED_MODULE_0__.Pool(proxy, options).on('connectionError', (_origin, _targets, error) => proxyOf.set(error, proxy)),
    });
    return async (exchange) => {
        const answer = await send(dispatcher, exchange, (error) => proxyOf.get(error), answered);
        answered.add(exchange.url.host);
        return answer;
    };
}
async function send(dispatcher, exchange, proxyOf, answered) {
    const { url, method, headers, body, timeoutMs, signal } = exchange;
    // One controller for the time limit and the step's signal, rather than AbortSignal.any: that
    // one leaves a weak reference per request on the step's long-lived signal, which a long wait
    // pays for in memory.
    const stop = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        stop.abort();
    }, timeoutMs);
    const onAbort = () => stop.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted)
        stop.abort();
    try {
        const answer = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(url, {
            method,
            headers,
            body,
            signal: stop.signal,
            dispatcher,
            // undici's own limits (300 s by default) would otherwise cut a longer request-timeout short.
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs,
        });
        return { status: answer.statusCode, headers: answer.headers, body: await answer.body.text() };
    }
    catch (error) {
        if (timedOut) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${exchange.name ?? (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .callName */ .A)(method, url)} got no answer within ${timeoutMs / 1000} s`, 'timeout');
        }
        if (signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${exchange.name ?? (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .callName */ .A)(method, url)} was aborted`, 'aborted');
        throw failure(error, exchange, proxyOf, answered);
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
    }
}
/** What went wrong, from the codes of undici and of Node's net, dns and tls, as the retry rules need it. */
function failure(error, { method, url, timeoutMs, name }, proxyOf, answered) {
    const where = name ?? (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .callName */ .A)(method, url);
    const { code, source } = codeOf(error);
    const proxy = source && proxyOf(source);
    const host = proxy ? `the proxy ${proxy.host}` : url.host;
    switch (code) {
        case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where} answered more than ${_http_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_ANSWER_BYTES */ .g / 1024 / 1024} MiB`, 'too-large');
        case 'UND_ERR_HEADERS_OVERFLOW':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where} answered with more headers than can be read`, 'too-large');
        case 'UND_ERR_HEADERS_TIMEOUT':
        case 'UND_ERR_BODY_TIMEOUT':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where} got no answer within ${timeoutMs / 1000} s`, 'timeout');
        case 'UND_ERR_CONNECT_TIMEOUT':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where}: connecting to ${host} timed out`, 'connect');
        case 'ECONNREFUSED':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where}: connection refused by ${host}`, 'connect');
        case 'ENOTFOUND':
        case 'EAI_AGAIN': {
            const unresolved = proxy ?? url;
            // No such name, for a host that never answered: a typo, which asking again will not mend.
            const kind = code === 'ENOTFOUND' && !answered.has(unresolved.host) ? 'unknown-host' : 'dns';
            return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where}: cannot resolve ${proxy ? `the proxy ${proxy.hostname}` : url.hostname}`, kind, undefined, undefined, unresolved.hostname);
        }
    }
    // The handshake failed before anything was sent. Behind a TLS-inspecting proxy, Node needs its CA.
    if (code && /CERT|SELF_SIGNED|UNABLE_TO_/.test(code))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where}: ${host} presented a certificate this runner does not trust (${code}); ` +
            'if a proxy inspects TLS, give Node its CA with NODE_EXTRA_CA_CERTS', 'tls');
    // Not a lost connection: the other end does not speak TLS as expected, and will not on a retry.
    if (code === 'EPROTO' || code?.startsWith('ERR_SSL_'))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where}: the TLS handshake with ${host} failed (${code})`, 'tls');
    const tunnel = /^Proxy response \((\d+)\)/.exec(source?.message ?? '');
    if (tunnel)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where}: the proxy answered HTTP ${tunnel[1]} when asked to connect to ${url.host}`, 'connect');
    const detail = isError(error) ? error.message : String(error);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(`${where}: connection failed (${code ?? detail})`, 'reset');
}
/**
 * The code that says what happened, and the error that carries it. undici's `UND_ERR_SOCKET`
 * ("other side closed") wraps the socket's own error when there is one; alone, it is a reset.
 * Not `instanceof Error`: Node's own errors may come from another realm (a test's VM context).
 */
function codeOf(error) {
    for (let current = error; isError(current); current = current.cause) {
        const code = current.code;
        if (code === 'UND_ERR_SOCKET' && isError(current.cause))
            continue;
        if (code === 'UND_ERR_SOCKET')
            return { code: 'ECONNRESET', source: current };
        if (typeof code === 'string')
            return { code, source: current };
    }
    return { source: isError(error) ? error : undefined };
}
function isError(value) {
    return typeof value === 'object' && value !== null && typeof value.message === 'string';
}


/***/ })

};
