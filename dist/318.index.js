export const id = 318;
export const ids = [318];
export const modules = {

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertComment: () => (/* binding */ upsertComment)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
// Writes the pull-request comment through Octokit, loaded only when a comment is asked for, so the
// action starts as fast without it. Creates the comment once, then updates it in place.

/** The author of comments made with the workflow's own token. */
const ACTIONS_BOT = 'github-actions[bot]';
/** The login the token acts as, or null when GitHub will not say. */
async function whoAmI(octokit) {
    try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch {
        // not a personal token
    }
    try {
        const answer = await octokit.graphql('query { viewer { login } }');
        return typeof answer.viewer?.login === 'string' ? answer.viewer.login : null;
    }
    catch {
        return null;
    }
}
async function upsertComment(target) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 785).then(__webpack_require__.bind(__webpack_require__, 2785));
    // One deadline for every call: a stalled GitHub must not hold the step for minutes.
    const octokit = getOctokit(target.token, {
        baseUrl: target.apiUrl,
        request: { signal: AbortSignal.timeout(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Limits */ .xu.commentTimeoutMs) }
    });
    const where = { owner: target.owner, repo: target.repo };
    try {
        // Whose comments may be updated: only our own, and only those that start with our marker
        // (anyone can quote it). A personal token says who it is through REST; an app's installation
        // token through GraphQL's viewer (`my-app[bot]`). When neither answers, it is the workflow's
        // own token, whose comments are github-actions[bot]'s; another bot's (renovate[bot]) never are.
        const login = (await whoAmI(octokit)) ?? ACTIONS_BOT;
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            ...where,
            issue_number: target.prNumber,
            per_page: 100
        });
        const ours = comments.find(c => c.user?.login === login && (c.body ?? '').startsWith(target.marker));
        if (ours) {
            const { data } = await octokit.rest.issues.updateComment({
                ...where,
                comment_id: ours.id,
                body: target.body
            });
            return { kind: 'updated', url: data.html_url };
        }
        const { data } = await octokit.rest.issues.createComment({
            ...where,
            issue_number: target.prNumber,
            body: target.body
        });
        return { kind: 'created', url: data.html_url };
    }
    catch (error) {
        const status = error.status;
        const message = error instanceof Error ? error.message : String(error);
        // GitHub answers 403 for an exhausted rate limit too: that is no permission problem.
        const headers = error.response?.headers;
        if (status === 403 && headers?.['x-ratelimit-remaining'] === '0') {
            return {
                kind: 'failed',
                message: `GitHub's API rate limit is exhausted (HTTP 403: ${message})`
            };
        }
        if (status === 403 || status === 404) {
            return { kind: 'forbidden', message: `HTTP ${status}: ${message}` };
        }
        return {
            kind: 'failed',
            message: typeof status === 'number' ? `HTTP ${status}: ${message}` : message
        };
    }
}


/***/ })

};
