export const id = 532;
export const ids = [532];
export const modules = {

/***/ 5532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zipAppFolder: () => (/* binding */ zipAppFolder)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Zips a `.app` folder for upload: entries under the folder's own name (`Shop.app/...`), symlinks
// kept as links, streamed to disk. yazl is loaded only here, only when a folder is given.



/**
 * Writes `<tempDir>/testerarmy-zip-XXXXXX/<Name>.app.zip`: a folder of its own, so a file of that
 * name the workflow left in RUNNER_TEMP is neither overwritten nor removed. Frameworks inside an app bundle link `Current` and their
 * binaries with relative symlinks: storing the link (not the file it points to) keeps the bundle
 * valid for the simulator and its size as built.
 */
async function zipAppFolder(folder, tempDir, signal) {
    // A chunk of its own in dist/: runs that upload a file, or nothing, never load it.
    const { ZipFile } = (await __webpack_require__.e(/* import() */ 44).then(__webpack_require__.t.bind(__webpack_require__, 3044, 19))).default;
    signal?.throwIfAborted();
    const top = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(folder.replace(/[/\\]+$/, ''));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(tempDir, { recursive: true });
    const own = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tempDir, 'testerarmy-zip-'));
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(own, `${top}.zip`);
    const remove = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(own, { recursive: true, force: true }).catch(() => undefined);
    const zip = new ZipFile();
    const output = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(path);
    const written = new Promise((resolve, reject) => {
        output.on('close', resolve);
        output.on('error', reject);
        zip.outputStream.on('error', reject);
        signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    // Awaited below, after the entries are added; an early failure must not go unhandled meanwhile.
    written.catch(() => undefined);
    zip.outputStream.pipe(output);
    try {
        await addFolder(zip, folder, top, signal);
        zip.end();
        await written;
    }
    catch (error) {
        zip.outputStream.unpipe(output);
        // The file is opened asynchronously: removing it before the stream has closed can lose the
        // race with the open, and leave the zip behind after a cancel.
        if (!output.closed) {
            const closed = new Promise(resolve => output.once('close', () => resolve()));
            output.destroy();
            await closed;
        }
        await remove();
        throw error;
    }
    return { path, size: (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).size, remove };
}
async function addFolder(zip, folder, name, signal) {
    if (signal?.aborted)
        throw new Error('aborted');
    // stat, not lstat: app-path may itself be a symlink to the bundle, and its entry must be the
    // folder it names (a link's mode would make unzip create a link, not the bundle). Folders inside
    // are never links here: the loop below stores links as links.
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(folder);
    zip.addEmptyDirectory(name, { mtime: info.mtime, mode: info.mode & 0xffff });
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(folder, { withFileTypes: true });
    // Sorted, so the same bundle gives the same zip.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const source = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(folder, entry.name);
        const target = `${name}/${entry.name}`;
        if (entry.isSymbolicLink()) {
            const link = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(source);
            // A link is stored as its target's path with the link's mode, as zip -y and ditto do.
            zip.addBuffer(Buffer.from(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(source)), target, {
                mtime: link.mtime,
                mode: link.mode & 0xffff,
                compress: false
            });
        }
        else if (entry.isDirectory()) {
            await addFolder(zip, source, target, signal);
        }
        else if (entry.isFile()) {
            const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(source);
            zip.addFile(source, target, { mtime: file.mtime, mode: file.mode & 0xffff });
        }
        // Sockets and devices have no place in an app bundle: left out.
    }
}


/***/ })

};
