export const id = 36;
export const ids = [36];
export const modules = {

/***/ 36:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STS_CALL: () => (/* binding */ STS_CALL),
/* harmony export */   StsError: () => (/* binding */ StsError),
/* harmony export */   assumeRoleWithWebIdentity: () => (/* binding */ assumeRoleWithWebIdentity),
/* harmony export */   retryableForSts: () => (/* binding */ retryableForSts)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9497);
/* harmony import */ var _retry_rules_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9004);
/* harmony import */ var _sign_in_request_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5339);
/**
 * Tencent STS `AssumeRoleWithWebIdentity` (API 3.0, 2018-08-13): a GitHub OIDC token for temporary
 * keys. Unsigned (`Authorization: SKIP`), JSON both ways, errors as HTTP 200 with `Response.Error`.
 * Retried like any call that changes nothing; the caller masks what it returns before anything else.
 */



const STS_CALL = 'STS AssumeRoleWithWebIdentity';
/** STS answered with an error: its code, message and request id, to act on and to quote. */
class StsError extends Error {
    code;
    stsMessage;
    requestId;
    status;
    name = 'StsError';
    where = STS_CALL;
    constructor(code, stsMessage, requestId, 
    /** The HTTP status, when it was not 200 (a gateway, an overloaded service). */
    status = 200) {
        super(`${STS_CALL} answered ${code}${stsMessage ? `: ${stsMessage}` : ''}` +
            ` (${status === 200 ? '' : `HTTP ${status}, `}request id ${requestId || 'none'})`);
        this.code = code;
        this.stsMessage = stsMessage;
        this.requestId = requestId;
        this.status = status;
    }
}
/** Server-side faults and throttling are worth another try; a refusal of the token or role is not. */
function retryableForSts(error) {
    if (error instanceof StsError)
        return /^(InternalError|RequestLimitExceeded)/.test(error.code) ? {} : false;
    return (0,_retry_rules_js__WEBPACK_IMPORTED_MODULE_1__/* .retryableForIdempotentCall */ .Zx)(error);
}
/** STS sheds load with `RequestLimitExceeded`: the step's pace slows down as for the CI API's. */
const isStsThrottled = (error) => error instanceof StsError && error.code.startsWith('RequestLimitExceeded');
async function assumeRoleWithWebIdentity(assume, options) {
    const now = options.now ?? Date.now;
    const body = JSON.stringify({
        ProviderId: assume.providerId,
        WebIdentityToken: assume.webIdentityToken,
        RoleArn: assume.roleArn,
        RoleSessionName: assume.roleSessionName,
        DurationSeconds: assume.durationSeconds,
    });
    return (0,_sign_in_request_js__WEBPACK_IMPORTED_MODULE_2__/* .sendSignInRequest */ .O)({
        name: STS_CALL,
        request: (at) => ({
            url: new URL('/', options.endpoint),
            method: 'POST',
            headers: {
                'content-type': 'application/json; charset=utf-8',
                'x-tc-action': 'AssumeRoleWithWebIdentity',
                'x-tc-version': '2018-08-13',
                'x-tc-timestamp': String(Math.floor(at / 1000)),
                'x-tc-region': options.region,
                authorization: 'SKIP',
            },
            body,
        }),
        read: (answer, sentAt) => readAnswer(answer, options, now, sentAt),
        retryable: retryableForSts,
        throttled: isStsThrottled,
    }, options);
}
function readAnswer(answer, options, now, sentAt) {
    const { status, body: text } = answer;
    const date = [answer.headers.date].flat()[0];
    const parsed = parseAnswer(text);
    const requestId = parsed?.RequestId ?? '';
    options.logger.debug(`${STS_CALL} → ${status}${requestId ? ` (request id ${requestId})` : ''} in ${now() - sentAt} ms`);
    if (parsed?.Error)
        throw new StsError(parsed.Error.Code ?? 'UnknownError', parsed.Error.Message ?? '', requestId, status);
    const keys = parsed?.Credentials;
    const expiredTime = secondsOf(parsed?.ExpiredTime);
    if (status !== 200 ||
        !keys?.TmpSecretId ||
        !keys.TmpSecretKey ||
        !keys.Token ||
        expiredTime === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .wX(`${STS_CALL} got ${parsed ? 'an answer without credentials' : `${text.length} characters that are not STS JSON`}` +
            ` (HTTP ${status})${requestId ? `; request id ${requestId}` : ''}`, 'unparsable', status, requestId);
    }
    const expiresAtMs = expiredTime * 1000;
    const answeredAt = date ? Date.parse(date) : NaN;
    return {
        secretId: keys.TmpSecretId,
        secretKey: keys.TmpSecretKey,
        sessionToken: keys.Token,
        expiresAtMs,
        lifetimeMs: expiresAtMs - (Number.isNaN(answeredAt) ? now() : answeredAt),
        requestId,
    };
}
/** Unix seconds: a number, as documented, or the same number quoted, which says as much. */
function secondsOf(value) {
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : undefined;
    if (typeof value === 'string' && /^\s*\d{1,15}(\.\d+)?\s*$/.test(value))
        return Number(value);
    return undefined;
}
function parseAnswer(text) {
    try {
        const response = JSON.parse(text).Response;
        return typeof response === 'object' && response !== null ? response : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ })

};
