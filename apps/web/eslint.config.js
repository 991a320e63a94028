import base from '@dispatch/eslint-config/base';

export default [...base, { ignores: ['dist/**', 'postcss.config.cjs', 'scripts/**'] }];
