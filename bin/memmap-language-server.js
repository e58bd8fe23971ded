#!/usr/bin/env node
'use strict';
// Prefer the bundle (installed .vsix / packaged builds), else the tsc output of a clone.
const fs = require('node:fs');
const path = require('node:path');
const bundled = path.join(__dirname, '..', 'dist', 'server.js');
const compiled = path.join(__dirname, '..', 'out', 'server', 'src', 'server.js');
require(fs.existsSync(bundled) ? bundled : compiled);
