#!/usr/bin/env node
'use strict';
// Prefer the bundle (installed .vsix / packaged builds), else the tsc output of a clone.
const fs = require('node:fs');
const path = require('node:path');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
const compiled = path.join(__dirname, '..', 'out', 'cli', 'src', 'main.js');
require(fs.existsSync(bundled) ? bundled : compiled).runCli();
