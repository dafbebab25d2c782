export const id = 931;
export const ids = [931];
export const modules = {

/***/ 8931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   logGitHubReporting: () => (/* binding */ logGitHubReporting),
/* harmony export */   logStarted: () => (/* binding */ logStarted),
/* harmony export */   retryLog: () => (/* binding */ retryLog),
/* harmony export */   startGroupTitle: () => (/* binding */ startGroupTitle),
/* harmony export */   startRetryLine: () => (/* binding */ startRetryLine)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6288);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7607);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2988);
/* harmony import */ var _wait_wait_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6695);
// The log lines of starting runs: retries of a start request, which runs started, and what
// TesterArmy said of its own GitHub reporting. API text is cut and cleaned through escape.ts first.




/** The start's retries, one line each (a retry at once: the agent's shorter second try). */
const startRetryLine = (message, delayMs) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Start request: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(message, 300)}; trying again${delayMs > 0 ? ` in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(delayMs)}` : ''}.`);
const startGroupTitle = (request) => `Starting a TesterArmy run of ${request.kind} ${request.id}`;
/** Which runs started, and which the API cancelled at once. */
function logStarted(runIds, cancelledRunIds) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Started ${runIds.length === 1 ? `run ${runIds[0]}` : `${runIds.length} runs: ${runIds.join(', ')}`}.`);
    if (cancelledRunIds.length) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`TesterArmy cancelled ${cancelledRunIds.length} of the group's runs as it started them ` +
            `(for example duplicates or the quota): ${cancelledRunIds.join(', ')}.`);
    }
}
/** `metadata.github` of a start answer: its line, and its notice or warning when it has one. */
function logGitHubReporting(note) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(note.line);
    if (!note.annotation)
        return;
    const options = { title: 'TesterArmy GitHub reporting' };
    if (note.annotation.level === 'warning')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(note.annotation.message, options);
    else
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(note.annotation.message, options);
}
/** `retry-failed`'s lines: a group per round, which run started again as which, and why not. */
const retryLog = {
    ..._wait_wait_log_js__WEBPACK_IMPORTED_MODULE_3__/* .pollLog */ .eV,
    round: (count, attempt, of) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Starting ${count === 1 ? 'a failed run' : `${count} failed runs`} again (attempt ${attempt} of ${of}, retry-failed)`),
    restarted: (firstId, newIds, how) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${firstId} failed: started again as ${newIds.length === 1 ? `run ${newIds[0]}` : `runs ${newIds.join(', ')}`} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(how, 200)}).`),
    notRetried: (firstId, why) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Run ${firstId} failed and is not started again: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .logText */ .kc)(why, 400)}`),
    roundEnd: () => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4()
};


/***/ })

};
