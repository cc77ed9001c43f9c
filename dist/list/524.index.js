export const id = 524;
export const ids = [524];
export const modules = {

/***/ 524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyTransport: () => (/* binding */ proxyTransport)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);

/** Through the proxy the runner's environment names, NO_PROXY included, by undici's own agent. */
function proxyTransport() {
    const dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__.EnvHttpProxyAgent();
    return async ({ url, method, headers, body, signal }) => {
        const answer = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(url, { method, headers, body, signal, dispatcher });
        return { status: answer.statusCode, headers: answer.headers, body: await answer.body.text() };
    };
}


/***/ })

};
