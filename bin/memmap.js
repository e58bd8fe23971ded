#!/usr/bin/env node
'use strict';
// In a clone, prefer the tsc output (what `npm test` just compiled) so that a stale bundle
// is never what runs; an installed package has only the bundle.
const fs = require('node:fs');
const path = require('node:path');
const compiled = path.join(__dirname, '..', 'out', 'cli', 'src', 'main.js');
const bundled = path.join(__dirname, '..', 'dist', 'cli.js');
require(fs.existsSync(compiled) ? compiled : bundled).runCli();
