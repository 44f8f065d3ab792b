export const id = 976;
export const ids = [976];
export const modules = {

/***/ 74976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject),
/* harmony export */   f: () => (/* binding */ valueAt)
/* harmony export */ });
/** True for a plain object (not null, not an array): the shape checks of parsed documents. */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The value a path of keys and indexes names in parsed JSON or YAML; undefined when a step is missing. */
function valueAt(data, path) {
    let cur = data;
    for (const key of path) {
        if (cur === null || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}


/***/ })

};
